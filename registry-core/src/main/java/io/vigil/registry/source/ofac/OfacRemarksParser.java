package io.vigil.registry.source.ofac;

import io.vigil.registry.model.Countries;
import io.vigil.registry.model.DatePrecision;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.PartyBuilder;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.ReferenceData;
import io.vigil.registry.model.Relation;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses OFAC's Remarks column (sdn.csv / cons_prim.csv, with any sdn_comments.csv continuation already joined).
 *
 * <p>The column is a list of elements separated by {@code "; "} (values may contain commas); the last element
 * ends with a full stop, which is dropped. Recognised elements, each optionally prefixed {@code "alt. "}:
 * {@code DOB …} (day, month, year, {@code circa}, {@code … to …}), {@code POB …}, {@code nationality …},
 * {@code citizen …}, {@code Gender …}, {@code a.k.a./f.k.a./n.k.a. '…'} (weak aliases), {@code Linked To: …},
 * {@code Nationality of Registration …}, {@code Digital Currency Address - XBT …} and the identifier labels of
 * {@code ofac-id-labels.tsv} in the shape {@code <Label> <value> (<country>) [issued …] [expires …]}. Every
 * other element is kept verbatim as a remark. Example: {@code "DOB 03 Apr 1978; Passport 108410050 (Korea, North)
 * expires 19 Oct 2023; Linked To: SECOND ACADEMY OF NATURAL SCIENCES."} → DOB 1978-04-03 (DAY), passport
 * 108410050 / KP / note "expires 19 Oct 2023", relation Linked To SECOND ACADEMY OF NATURAL SCIENCES.
 */
final class OfacRemarksParser {

    /** What one Remarks column said. */
    record Result(List<PartialDate> datesOfBirth, List<String> placesOfBirth, List<String> nationalities,
            List<String> citizenships, String gender, List<Identifier> identifiers, List<PartyName> aliases,
            List<Relation> relations, List<String> remarks) {

        Result {
            datesOfBirth = List.copyOf(datesOfBirth);
            placesOfBirth = List.copyOf(placesOfBirth);
            nationalities = List.copyOf(nationalities);
            citizenships = List.copyOf(citizenships);
            identifiers = List.copyOf(identifiers);
            aliases = List.copyOf(aliases);
            relations = List.copyOf(relations);
            remarks = List.copyOf(remarks);
        }

        /** Adds everything except the relations (the reader resolves those against the whole list first). */
        void applyTo(PartyBuilder b) {
            datesOfBirth.forEach(b::dateOfBirth);
            placesOfBirth.forEach(b::placeOfBirth);
            nationalities.forEach(b::nationality);
            citizenships.forEach(b::citizenship);
            b.gender(gender);
            identifiers.forEach(b::identifier);
            aliases.forEach(b::name);
            remarks.forEach(b::remark);
        }
    }

    /** An identifier label of {@code ofac-id-labels.tsv}: how it is written and the type it maps to. */
    record IdLabel(String text, IdentifierType type) {
    }

    private static final List<IdLabel> ID_LABELS = loadIdLabels();

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final Pattern DAY = Pattern.compile("(\\d{1,2}) ([A-Z][a-z]{2}) (\\d{4})");
    private static final Pattern MONTH = Pattern.compile("([A-Z][a-z]{2}) (\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_SPAN = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final Pattern NOTE = Pattern.compile("\\s(?=(?:issued|expires)\\b)");
    private static final Pattern IMO_VALUE = Pattern.compile("IMO (\\d{7})");
    private static final Pattern WEAK_ALIAS = Pattern.compile("([afn])\\.k\\.a\\.\\s+(.+)");
    private static final Map<String, NameKind> ALIAS_KINDS = Map.of("a", NameKind.AKA, "f", NameKind.FKA,
            "n", NameKind.NKA);
    private static final String DIGITAL_CURRENCY = "Digital Currency Address - ";

    private OfacRemarksParser() {
    }

    /**
     * The remark elements: split on {@code "; "}, blank ones dropped, the last one without its final full stop.
     * {@code null} and OFAC's empty marker {@code -0-} give an empty list.
     */
    static List<String> elements(String remarks) {
        List<String> out = new ArrayList<>();
        String r = OfacCsvRows.clean(remarks);
        if (r == null) {
            return out;
        }
        for (String e : r.split("; ")) {
            if (!e.isBlank()) {
                out.add(e.strip());
            }
        }
        if (!out.isEmpty()) {
            int last = out.size() - 1;
            String e = out.get(last);
            if (e.endsWith(".")) {
                e = e.substring(0, e.length() - 1).strip();
                if (e.isEmpty()) {
                    out.remove(last);
                } else {
                    out.set(last, e);
                }
            }
        }
        return out;
    }

    /** Parses a whole Remarks column. */
    static Result parse(String remarks) {
        List<PartialDate> dobs = new ArrayList<>();
        List<String> pobs = new ArrayList<>();
        List<String> nationalities = new ArrayList<>();
        List<String> citizenships = new ArrayList<>();
        String gender = null;
        List<Identifier> ids = new ArrayList<>();
        List<PartyName> aliases = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        List<String> rest = new ArrayList<>();

        for (String element : elements(remarks)) {
            String e = element.startsWith("alt. ") ? element.substring(5).strip() : element;
            String v;
            if ((v = after(e, "DOB ")) != null) {
                PartialDate d = parseDate(v);
                if (d != null) {
                    dobs.add(d);
                } else {
                    rest.add(element);
                }
            } else if ((v = after(e, "POB ")) != null) {
                pobs.add(v);
            } else if ((v = after(e, "nationality ")) != null) {
                nationalities.add(Countries.codeOrName(withoutStop(v)));
            } else if ((v = after(e, "citizen ")) != null || (v = after(e, "citizenship ")) != null) {
                citizenships.add(Countries.codeOrName(withoutStop(v)));
            } else if ((v = after(e, "Gender ")) != null) {
                gender = withoutStop(v);
            } else if ((v = after(e, "Linked To: ")) != null) {
                relations.add(new Relation("Linked To", v, null));
            } else if ((v = after(e, "Nationality of Registration ")) != null) {
                nationalities.add(Countries.codeOrName(withoutStop(v)));
            } else if (WEAK_ALIAS.matcher(e).matches()) {
                Matcher m = WEAK_ALIAS.matcher(e);
                m.matches();
                String name = unquote(m.group(2));
                if (name.isBlank()) {
                    rest.add(element);
                } else {
                    aliases.add(PartyName.of(name, ALIAS_KINDS.get(m.group(1)), NameQuality.WEAK));
                }
            } else {
                Identifier id = identifier(e);
                if (id != null) {
                    ids.add(id);
                } else {
                    rest.add(element);
                }
            }
        }
        return new Result(dobs, pobs, nationalities, citizenships, gender, ids, aliases, relations, rest);
    }

    /**
     * An OFAC date as written after {@code DOB}: {@code 03 Apr 1978} (DAY), {@code Apr 1978} (MONTH), {@code 1950}
     * (YEAR), {@code circa 1960} (the stated precision; the wording is kept in {@link PartialDate#text()}),
     * {@code 1960 to 1962}, {@code 01 Jan 1961 to 31 Dec 1962} and {@code circa 1979-1982} (RANGE). Null when
     * the text is not a date.
     */
    static PartialDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        String t = withoutStop(text.strip());
        String core = t.startsWith("circa ") ? t.substring(6).strip() : t;
        try {
            int to = core.indexOf(" to ");
            if (to > 0) {
                PartialDate from = single(core.substring(0, to).strip(), t);
                PartialDate until = single(core.substring(to + 4).strip(), t);
                if (from == null || until == null || until.latest().isBefore(from.earliest())) {
                    return null;
                }
                return new PartialDate(from.earliest(), until.latest(), DatePrecision.RANGE, t);
            }
            Matcher span = YEAR_SPAN.matcher(core);
            if (span.matches()) {
                int a = Integer.parseInt(span.group(1));
                int b = Integer.parseInt(span.group(2));
                return b < a ? null : PartialDate.ofYears(a, b, t);
            }
            return single(core, t);
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    private static PartialDate single(String s, String text) {
        Matcher m = DAY.matcher(s);
        if (m.matches()) {
            int month = month(m.group(2));
            return month < 0 ? null
                    : PartialDate.ofDay(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)), text);
        }
        m = MONTH.matcher(s);
        if (m.matches()) {
            int month = month(m.group(1));
            return month < 0 ? null : PartialDate.ofMonth(Integer.parseInt(m.group(2)), month, text);
        }
        if (YEAR.matcher(s).matches()) {
            return PartialDate.ofYear(Integer.parseInt(s), text);
        }
        return null;
    }

    private static int month(String abbreviation) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equals(abbreviation)) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * An identifier element such as {@code Passport 108410050 (Korea, North) expires 19 Oct 2023}, or null when
     * the element does not start with a known label. {@code IMO 1234567} values become type IMO, value digits.
     */
    static Identifier identifier(String e) {
        String label;
        IdentifierType type;
        String rest;
        if (e.startsWith(DIGITAL_CURRENCY)) {
            int space = e.indexOf(' ', DIGITAL_CURRENCY.length());
            if (space < 0) {
                return null;
            }
            label = e.substring(0, space);
            type = IdentifierType.OTHER;
            rest = e.substring(space + 1).strip();
        } else {
            IdLabel match = null;
            for (IdLabel l : ID_LABELS) {
                if (e.startsWith(l.text() + " ")) {
                    match = l;
                    break;
                }
            }
            if (match == null) {
                return null;
            }
            label = match.text().endsWith(":") ? match.text().substring(0, match.text().length() - 1)
                    : match.text();
            type = match.type();
            rest = e.substring(match.text().length()).strip();
        }
        String note = null;
        Matcher n = NOTE.matcher(rest);
        if (n.find()) {
            note = rest.substring(n.end()).strip();
            rest = rest.substring(0, n.start()).strip();
        }
        String country = null;
        if (rest.endsWith(")")) {
            int open = rest.lastIndexOf(" (");
            if (open > 0) {
                String inner = rest.substring(open + 2, rest.length() - 1).strip();
                if (!inner.isEmpty() && inner.chars().noneMatch(Character::isDigit) && inner.indexOf('(') < 0) {
                    country = inner;
                    rest = rest.substring(0, open).strip();
                }
            }
        }
        Matcher imo = IMO_VALUE.matcher(rest);
        if (imo.matches()) {
            type = IdentifierType.IMO;
            rest = imo.group(1);
        }
        if (rest.isEmpty()) {
            return null;
        }
        String code = country == null ? null : Countries.toIso2(country).orElse(null);
        return new Identifier(type, label, rest, country, code, note);
    }

    /** The labels, longest first so that {@code R.F.C. #} wins over {@code R.F.C.}. */
    static List<IdLabel> idLabels() {
        return ID_LABELS;
    }

    private static String after(String e, String prefix) {
        if (e.startsWith(prefix)) {
            String v = e.substring(prefix.length()).strip();
            return v.isEmpty() ? null : v;
        }
        return null;
    }

    private static String withoutStop(String v) {
        return v.endsWith(".") ? v.substring(0, v.length() - 1).strip() : v;
    }

    private static String unquote(String v) {
        String s = v.strip();
        if (!s.isEmpty() && (s.charAt(0) == '\'' || s.charAt(0) == '"')) {
            char q = s.charAt(0);
            s = s.substring(1);
            if (s.endsWith(String.valueOf(q))) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.strip();
    }

    private static List<IdLabel> loadIdLabels() {
        List<IdLabel> labels = new ArrayList<>();
        for (List<String> row : ReferenceData.rows(OfacRemarksParser.class, "ofac-id-labels.tsv", 2)) {
            String text = row.get(0);
            String t = row.get(1);
            labels.add(new IdLabel(text, t.equals("-") ? IdentifierType.fromText(text) : IdentifierType.valueOf(t)));
        }
        labels.sort(Comparator.comparingInt((IdLabel l) -> l.text().length()).reversed());
        return List.copyOf(labels);
    }
}
