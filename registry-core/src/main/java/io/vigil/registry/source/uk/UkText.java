package io.vigil.registry.source.uk;

import io.vigil.registry.model.Countries;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.PartialDate;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text rules shared by the two UK formats (OFSI CSV and FCDO XML), which write dates and free text the same way. */
final class UkText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu", java.util.Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    /** {@code 20/02/1956}, {@code 00/05/1980}, {@code 00/00/1980}, {@code dd/mm/1945}, {@code dd/07/1978}. */
    private static final Pattern YEAR_OR_MONTH = Pattern.compile("(?:(\\d{1,2}|mm|MM)/)?(\\d{4})");
    private static final Pattern DOB = Pattern.compile("(\\d{1,2}|dd|DD)/(\\d{1,2}|mm|MM)/(\\d{4})");
    /**
     * {@code UN Ref QDe.004.}, {@code UN REF:QE.A.146.14.}, {@code UN Ref.KPI.067}, {@code UN Ref. CFi.001}. A segment
     * after a dot is a number or at most three letters ({@code A}, {@code III}, {@code AC}), so a word glued on after a
     * dot is not part of the reference: {@code UN Ref KPe.035.Subordinated to…} → {@code KPe.035}.
     */
    private static final Pattern UN_REF = Pattern.compile(
            "UN\\s*Ref(?:erence)?(?:\\s*(?:No|Number)\\b)?\\s*[.:]?\\s*[:.]?\\s*"
                    + "([A-Z][A-Za-z]{0,3}(?:\\.(?:[A-Za-z]{1,3}|[A-Za-z]{0,3}\\d[A-Za-z0-9]*))+)(?![A-Za-z0-9])",
            Pattern.CASE_INSENSITIVE);
    /** {@code IMO: 8937675}, {@code IMO number 9562233}, {@code IMO9562233}. */
    private static final Pattern IMO = Pattern.compile("\\bIMO(?:\\s*(?:No\\.?|number|Number))?\\s*[:.]?\\s*(\\d{7})\\b");
    /** An enumeration marker: {@code 1)}, {@code (2)}, {@code a)}, {@code (b)}. */
    private static final Pattern MARKER = Pattern.compile("(?:^|\\s+|(?<=[.,;]))\\(?(?:\\d{1,2}|[a-z])\\)\\s*");
    private static final Pattern STARTS_WITH_MARKER = Pattern.compile("^\\s*\\(?(?:1|a)\\)");
    /** A document number inside free text: has a digit, at least 4 characters, letters/digits/slash/dash. */
    private static final Pattern DOC_NUMBER = Pattern.compile("(?<![A-Za-z0-9/-])([A-Z]{0,3}\\d[A-Z0-9/-]{3,})(?![A-Za-z0-9/-])");

    /** Demonyms as the UK lists write them (Nationality column), lower-case → ISO alpha-2. */


    private UkText() {
    }

    /** Trims and collapses runs of whitespace; null for blank. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u00A0', ' ').strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }

    /** A strict {@code DD/MM/YYYY} date, or empty when the text is not one. */
    static Optional<LocalDate> day(String text) {
        String t = clean(text);
        if (t == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(t, DAY));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A date of birth as precise as written: {@code 20/02/1956} → day, {@code 00/05/1980} or {@code dd/05/1980} →
     * month, {@code 00/00/1980} or {@code dd/mm/1980} → year; the 2022 layout's {@code 05/1980} → month and
     * {@code 1980} → year. Empty when the text fits none of these.
     */
    static Optional<PartialDate> dateOfBirth(String text) {
        String t = clean(text);
        if (t == null) {
            return Optional.empty();
        }
        Matcher m = DOB.matcher(t);
        if (!m.matches()) {
            // the 2022 layout also writes a bare year (1954) or month and year (05/1954)
            m = YEAR_OR_MONTH.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
            try {
                int year = Integer.parseInt(m.group(2));
                Integer month = m.group(1) == null ? null : number(m.group(1));
                return Optional.of(month == null ? PartialDate.ofYear(year, t) : PartialDate.ofMonth(year, month, t));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        int year = Integer.parseInt(m.group(3));
        Integer month = number(m.group(2));
        Integer dayOfMonth = number(m.group(1));
        try {
            if (month == null) {
                return Optional.of(PartialDate.ofYear(year, t));
            }
            if (dayOfMonth == null) {
                return Optional.of(PartialDate.ofMonth(year, month, t));
            }
            return Optional.of(PartialDate.ofDay(year, month, dayOfMonth, t));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Integer number(String part) {
        if (!Character.isDigit(part.charAt(0))) {
            return null;
        }
        int n = Integer.parseInt(part);
        return n == 0 ? null : n;
    }

    /**
     * Splits an enumerated value: {@code "1) Saudi Arabia 2) Qatar"} → [Saudi Arabia, Qatar],
     * {@code "(1) Somali (2) Swedish"} → [Somali, Swedish]; text without a leading marker is one value.
     */
    static List<String> enumeration(String text) {
        String t = clean(text);
        List<String> out = new ArrayList<>();
        if (t == null) {
            return out;
        }
        if (!STARTS_WITH_MARKER.matcher(t).find()) {
            out.add(t);
            return out;
        }
        for (String part : MARKER.split(t)) {
            String p = clean(part);
            if (p != null) {
                p = p.replaceAll("[,;.]+$", "").strip();
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** The UN reference numbers stated in free text, e.g. {@code "UN Ref QDe.004. Emir…"} → [QDe.004]. */
    static Set<String> unReferences(String text) {
        Set<String> refs = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = UN_REF.matcher(text);
            while (m.find()) {
                refs.add(m.group(1));
            }
        }
        return refs;
    }

    /** IMO numbers stated in free text, e.g. {@code "IMO: 8937675. MMSI: …"} → [8937675]. */
    static Set<String> imoNumbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = IMO.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * Identifiers from a free-text document field such as OFSI's "Passport Details": one identifier per document
     * number found (a token with a digit, 4+ characters, not a year), each keeping the whole raw text as its note;
     * when no number can be picked out, one identifier whose value is the raw text.
     * {@code "Passport No: 592667 (Qatari passport issued on 3 May 2007)."} → [592667].
     */
    static List<Identifier> documents(IdentifierType type, String label, String text) {
        String raw = clean(text);
        List<Identifier> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = DOC_NUMBER.matcher(raw);
        while (m.find()) {
            String token = m.group(1);
            if (token.matches("(19|20)\\d{2}") || token.matches("\\d{1,2}[/-]\\d{1,2}[/-]\\d{2,4}")) {
                continue; // a year or a date, not a document number
            }
            numbers.add(token);
        }
        if (numbers.isEmpty()) {
            out.add(new Identifier(type, label, raw, null, null, raw));
        } else {
            for (String n : numbers) {
                out.add(new Identifier(type, label, n, null, null, raw));
            }
        }
        return out;
    }

    /** ISO code for a country as the UK writes it ("DPRK", "Afghanistan (since 2009)"), or null. */
    static String countryCode(String country) {
        String c = clean(country);
        if (c == null) {
            return null;
        }
        Optional<String> code = Countries.toIso2(c);
        if (code.isEmpty() && c.contains("(")) {
            code = Countries.toIso2(c.substring(0, c.indexOf('(')));
        }
        return code.orElse(null);
    }

    /**
     * A nationality as an ISO code when recognised, else as written. The OFSI list mostly writes demonyms, which
     * are recognised too: {@code "North Korean"} → {@code KP}, {@code "Tunisian (dual nationality)"} → {@code TN},
     * {@code "Kuwaiti citizenship"} → {@code KW}; hedged or ambiguous wording stays as written ({@code "Possibly
     * Ethiopian"}, {@code "Congolese"}, {@code "Kuwaiti citizenship withdrawn in 2002"}).
     */
    static String nationality(String text) {
        String code = countryCode(text);
        if (code == null) {
            code = demonymCode(text);
        }
        return code != null ? code : clean(text);
    }

    private static String demonymCode(String text) {
        String c = clean(text);
        if (c == null) {
            return null;
        }
        int paren = c.indexOf('(');
        if (paren > 0) {
            c = c.substring(0, paren);
        }
        c = c.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+(citizenship|nationality|national)$", "");
        return Countries.toIso2(c).orElse(null);
    }
}
