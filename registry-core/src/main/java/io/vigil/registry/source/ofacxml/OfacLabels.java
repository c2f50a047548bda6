package io.vigil.registry.source.ofacxml;

import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OFAC uses its "id" slots (classic {@code idList/id/idType}, enhanced {@code features/feature/type}) both for
 * real identifiers and for statements about the entry. This decides which is which.
 *
 * <ul>
 *   <li>{@code "Linked To:"} → a relation;</li>
 *   <li>{@code "Gender"} → the gender;</li>
 *   <li>labels ending in {@code ":"} or {@code "-"} ({@code "Secondary sanctions risk:"},
 *       {@code "Additional Sanctions Information -"}, {@code "For more information, please see:"}), and labels about
 *       dates, flags, types, tonnage, owners, build years or directives → a remark {@code "<label> <value>"};</li>
 *   <li>everything else ({@code "Passport"}, {@code "Tax ID No."}, {@code "SWIFT/BIC"}, {@code "MMSI"},
 *       {@code "Vessel Registration Identification"}, {@code "Website"}…) → an {@link Identifier}.</li>
 * </ul>
 */
final class OfacLabels {

    enum Kind { IDENTIFIER, LINKED_TO, GENDER, REMARK }

    private static final List<String> STATEMENT_WORDS = List.of("date", "information", "flag", "type", "tonnage",
            "owner", "year of build", "nationality of registration", "issuer name", "aircraft model",
            "aircraft operator", "determination", "directive", "sanctions", "see:");

    private static final Pattern IMO = Pattern.compile("(?i)^IMO\\s*:?\\s*(\\d{7})$");

    private OfacLabels() {
    }

    static Kind classify(String label) {
        if (label == null || label.isBlank()) {
            return Kind.REMARK;
        }
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (l.startsWith("linked to")) {
            return Kind.LINKED_TO;
        }
        if (l.equals("gender")) {
            return Kind.GENDER;
        }
        if (l.endsWith(":") || l.endsWith("-")) {
            return Kind.REMARK;
        }
        for (String w : STATEMENT_WORDS) {
            if (l.contains(w)) {
                return Kind.REMARK;
            }
        }
        return Kind.IDENTIFIER;
    }

    /** The remark text OFAC itself writes: {@code "Secondary sanctions risk: X"}, {@code "Target Type: X"}. */
    static String remark(String label, String value) {
        String l = label == null ? "" : label.strip();
        if (value == null || value.isBlank()) {
            return l;
        }
        if (l.isEmpty()) {
            return value.strip();
        }
        return l.endsWith(":") || l.endsWith("-") ? l + " " + value.strip() : l + ": " + value.strip();
    }

    /**
     * An identifier of the labelled kind. IMO numbers published as {@code "IMO 9187629"} keep only the seven digits
     * (other lists publish the bare number), the label saying what it was.
     */
    static Identifier identifier(String label, String value, String country, String countryCode, String note) {
        IdentifierType type = IdentifierType.fromText(label);
        String v = value.strip();
        Matcher imo = IMO.matcher(v);
        if (imo.matches() && (type == IdentifierType.IMO || type == IdentifierType.OTHER)) {
            type = IdentifierType.IMO;
            v = imo.group(1);
        }
        return new Identifier(type, label == null ? null : label.strip(), v, blankToNull(country),
                blankToNull(countryCode), blankToNull(note));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
