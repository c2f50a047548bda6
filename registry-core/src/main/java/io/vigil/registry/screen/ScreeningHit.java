package io.vigil.registry.screen;

import io.vigil.registry.match.MatchHit;
import java.util.List;
import java.util.Objects;

/**
 * One hit of one value of an input record: one row of hits.csv.
 *
 * <p>Examples: the counterparty name {@code "Choi Cheol-min"} (born 1978) →
 * {@code ScreeningHit(recordId "C-1", field "name", screenedValue "Choi Cheol-min", NAME, match, "ofac:43598", [],
 * "CHOE, Chol Min", 99.7, "alert", "name \"CHOE, Chol Min\" (primary, strong): choi~choe 0.95 …")}; the
 * beneficiary country {@code KP} → {@code ScreeningHit(…, "beneficiary_country", "KP", COUNTRY, null, "", [],
 * "North Korea", 100, "alert", "embargoed jurisdiction (configured default): North Korea")}.
 *
 * @param recordId the record's id
 * @param line the record's 1-based line in the input file
 * @param field the field of the value ({@code name}, {@code remittance_info}, {@code beneficiary_country}…)
 * @param screenedValue the value screened: the whole value, or for free text the words that matched
 * @param kind what kind of value hit
 * @param match the matcher's hit (for a BIC hit, one built for the BIC's holder); null for a country hit
 * @param partyId the listed party reported; empty for a country hit
 * @param linkedIds the other entries of the same party, sorted; empty for a country hit
 * @param matchedName the list name that matched (for a BIC hit the holder's primary name; for a country hit the
 *     country's English name)
 * @param score 0–100; 100 for a country or BIC hit
 * @param decision {@code alert} or {@code review}; always {@code alert} for free text, country and BIC hits
 * @param reason the explanation summary, the BIC comparison, or the embargo reason
 */
public record ScreeningHit(String recordId, long line, String field, String screenedValue, HitKind kind,
        MatchHit match, String partyId, List<String> linkedIds, String matchedName, double score, String decision,
        String reason) {

    public ScreeningHit {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(screenedValue, "screenedValue");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        linkedIds = List.copyOf(linkedIds);
        if (matchedName == null) {
            matchedName = "";
        }
    }
}
