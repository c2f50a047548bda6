package io.vigil.registry.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An identifying document or number.
 *
 * @param type the kind of identifier
 * @param label the source's own label, e.g. {@code "Passport"}, {@code "Cedula No."}
 * @param value the number as published, e.g. {@code "108410050"}
 * @param issuingCountry country as written by the source, or null
 * @param countryCode ISO 3166 alpha-2 of the issuing country, or null
 * @param note anything else the source says (issue and expiry dates…), or null
 */
public record Identifier(IdentifierType type, String label, String value, String issuingCountry, String countryCode,
        String note) {

    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** The value with spaces, dashes and dots removed and upper-cased, for comparing across lists. */
    public String normalizedValue() {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
