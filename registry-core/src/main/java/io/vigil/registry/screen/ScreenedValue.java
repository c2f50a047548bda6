package io.vigil.registry.screen;

import io.vigil.registry.model.PartyType;
import java.util.Objects;

/**
 * One value of an input record to screen, named by its field.
 *
 * <p>Examples: {@code ScreenedValue.name("name", "Choi Cheol-min", PartyType.INDIVIDUAL, "1978", "CN")} for a
 * counterparty; {@code ScreenedValue.name("beneficiary_bank", "FOREIGN TRADE BANK", ORGANIZATION, null, "KP")};
 * {@code new ScreenedValue("remittance_info", "payment for CHOE CHOL MIN", FREE_TEXT, null, null, null)};
 * {@code new ScreenedValue("beneficiary_country", "KP", COUNTRY, null, null, null)};
 * {@code new ScreenedValue("Cdtr.BIC", "FTBDKPPY", BIC, null, null, null)}.
 *
 * @param field the field name as reported in hits.csv ({@code name}, {@code originator_name},
 *     {@code beneficiary_bank}, {@code remittance_info}, {@code Dbtr}, {@code CdtrAgt.BIC}…)
 * @param value the value as read
 * @param kind how to screen it
 * @param type the party type when the input gives it (names only), else null
 * @param dateOfBirth {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} when given (names only), else null
 * @param country ISO alpha-2 when given, else null
 */
public record ScreenedValue(String field, String value, Kind kind, PartyType type, String dateOfBirth,
        String country) {

    /** How a value is screened. */
    public enum Kind {
        /** a party name: screened whole against the matcher */
        NAME,
        /** free text (remittance information): listed names are looked for inside it */
        FREE_TEXT,
        /** a country code: checked against the embargoed jurisdictions */
        COUNTRY,
        /** a BIC: checked against the BICs the lists publish */
        BIC
    }

    public ScreenedValue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
    }

    public static ScreenedValue name(String field, String value, PartyType type, String dateOfBirth,
            String country) {
        return new ScreenedValue(field, value, Kind.NAME, type, dateOfBirth, country);
    }
}
