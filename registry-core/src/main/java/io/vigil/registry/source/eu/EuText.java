package io.vigil.registry.source.eu;

import io.vigil.registry.model.Countries;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Scripts;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/** Small text, date and country helpers shared by the two EU FSF mappers. */
final class EuText {

    /** The 24 official EU languages: a name in one of them is a translation, not an original-script name. */
    private static final Set<String> EU_LANGUAGES = Set.of("BG", "CS", "DA", "DE", "EL", "EN", "ES", "ET", "FI", "FR",
            "GA", "HR", "HU", "IT", "LT", "LV", "MT", "NL", "PL", "PT", "RO", "SK", "SL", "SV");

    private EuText() {
    }

    /** The earlier of two dates, either of which may be null. */
    static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isBefore(a) ? a : b;
    }

    /** A date of the given precision, or null when the parts do not make a real date. */
    static PartialDate date(Integer year, Integer month, Integer day, String text) {
        try {
            if (year == null) {
                return null;
            }
            if (month != null && day != null) {
                return PartialDate.ofDay(year, month, day, text);
            }
            if (month != null) {
                return PartialDate.ofMonth(year, month, text);
            }
            return PartialDate.ofYear(year, text);
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    /** An integer attribute, or null when absent or not a number. */
    static Integer integer(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The ISO alpha-2 code of an FSF {@code countryIso2Code}, or null for blank and the EU's {@code 00}. */
    static String iso2(String code) {
        if (code == null || code.isBlank() || code.strip().equals("00")) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        return Countries.toIso2(c).orElse(c.matches("[A-Z]{2}") ? c : null);
    }

    /** A country description, or null for blank and the EU's {@code UNKNOWN}. */
    static String countryName(String description) {
        if (description == null || description.isBlank()
                || description.strip().equalsIgnoreCase("UNKNOWN") || description.strip().equals("00")) {
            return null;
        }
        return description.strip();
    }

    /** {@code M} → Male, {@code F} → Female, else null. */
    static String gender(String g) {
        if (g == null) {
            return null;
        }
        return switch (g.strip().toUpperCase(Locale.ROOT)) {
            case "M", "MALE" -> "Male";
            case "F", "FEMALE" -> "Female";
            default -> null;
        };
    }

    /**
     * The kind of a name that is not the primary one: a name written in a non-Latin script and not in an official
     * EU language (e.g. Hangul with {@code nameLanguage="KO"}) is the original-script name; translations are a.k.a.s.
     */
    static NameKind aliasKind(String name, String language) {
        String script = Scripts.detect(name);
        boolean euLanguage = language != null && EU_LANGUAGES.contains(language.strip().toUpperCase(Locale.ROOT));
        if (!euLanguage && !script.equals("Latn") && !script.equals("Zyyy")) {
            return NameKind.ORIGINAL_SCRIPT;
        }
        return NameKind.AKA;
    }

    /** True when a name in that language may be the primary name (no language given, or English). */
    static boolean primaryLanguage(String language) {
        return language == null || language.isBlank() || language.strip().equalsIgnoreCase("EN");
    }

    /**
     * Maps the FSF identification type codes ({@code passport}, {@code id}, {@code regnumber}, {@code fiscalcode},
     * {@code swiftbic}, {@code imo}, {@code other}…) and, failing that, their descriptions to an identifier type.
     */
    static IdentifierType identifierType(String code, String description) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "passport" -> IdentifierType.PASSPORT;
            case "id", "nationalid", "nid", "ssn" -> IdentifierType.NATIONAL_ID;
            case "regnumber", "registration" -> IdentifierType.REGISTRATION;
            case "fiscalcode", "tin", "tax" -> IdentifierType.TAX_ID;
            case "swiftbic", "bic", "swift" -> IdentifierType.SWIFT_BIC;
            case "imo" -> IdentifierType.IMO;
            case "other" -> IdentifierType.OTHER;
            default -> {
                IdentifierType byDescription = IdentifierType.fromText(description);
                yield byDescription != IdentifierType.OTHER ? byDescription : IdentifierType.fromText(code);
            }
        };
    }

    /** Text without one pair of enclosing parentheses: {@code "(UNSC RESOLUTION 1483)"} → the inside. */
    static String unwrap(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.length() >= 2 && t.charAt(0) == '(' && t.charAt(t.length() - 1) == ')') {
            int depth = 0;
            for (int i = 0; i < t.length(); i++) {
                char ch = t.charAt(i);
                depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
                if (depth == 0 && i < t.length() - 1) {
                    return t; // "(a) (b)": the first pair closes early, nothing encloses the whole
                }
            }
            t = t.substring(1, t.length() - 1).strip();
        }
        return t.isEmpty() ? null : t;
    }
}
