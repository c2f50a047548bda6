package io.vigil.registry.source.eu;

import io.vigil.registry.source.XmlNode;
import static io.vigil.registry.source.SourceText.collapse;
import static io.vigil.registry.source.SourceText.join;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Authorities;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyBuilder;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.SourceText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one {@code <ENTITY>} of the legacy FSD export ({@code <WHOLE Date="11/02/2016">}) to a {@link Party}.
 * See {@link EuFsfXmlParser} for the mapping.
 */
final class FsfLegacyMapper {

    /** {@code "AD001095 (passport-National passport) ((passport))"}: number, (code-description), (note). */
    private static final Pattern PASSPORT = Pattern.compile(
            "(.*?)\\s*\\(([A-Za-z]+)-([^()]*)\\)\\s*(.*)", Pattern.DOTALL);
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(\\s*\\(approximative\\))?");
    private static final Pattern YEARS = Pattern.compile("(\\d{4})\\s*-\\s*(\\d{4})(\\s*\\(approximative\\))?");

    private final String file;
    private final List<String> warnings;

    FsfLegacyMapper(String file, List<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    Party map(XmlNode e, int index) throws ListParseException {
        String id = e.attr("Id");
        String where = "line " + e.line + ", ENTITY #" + index + (id != null ? " (Id " + id + ")" : "");
        if (id == null) {
            throw new ListParseException(file, where, "ENTITY has no Id");
        }
        PartyType type = PartyType.fromText(e.attr("Type"));
        if (type == PartyType.UNKNOWN) {
            warnings.add(file + " " + where + ": Type '" + e.attr("Type") + "' not recognised");
        }
        PartyBuilder b = Party.builder("eu:" + id).type(type);
        names(b, e, where);
        b.remark(EuText.unwrap(e.attr("remark")));

        Map<String, PartialDate> dates = new LinkedHashMap<>();
        for (XmlNode birth : e.all("BIRTH")) {
            String text = birth.childText("DATE");
            if (text != null) {
                PartialDate d = date(text);
                if (d != null) {
                    dates.putIfAbsent(d.earliest() + "/" + d.latest() + "/" + d.precision(), d);
                } else {
                    b.remark("Date of birth: " + text);
                    warnings.add(file + " " + where + ": date of birth '" + text + "' is not a date; kept as a remark");
                }
            }
            b.placeOfBirth(collapse(join(", ", birth.childText("PLACE"), countryDisplay(birth.childText("COUNTRY")))));
        }
        dates.values().forEach(b::dateOfBirth);
        for (XmlNode citizen : e.all("CITIZEN")) {
            String country = citizen.childText("COUNTRY");
            if (country != null) {
                b.nationality(Countries.codeOrName(country));
                b.citizenship(Countries.codeOrName(country));
            }
        }
        for (XmlNode a : e.all("ADDRESS")) {
            String country = a.childText("COUNTRY");
            Address address = new Address(collapse(join(" ", a.childText("NUMBER"), a.childText("STREET"))),
                    collapse(a.childText("CITY")), null, collapse(a.childText("ZIPCODE")), country,
                    Countries.toIso2(country).orElse(null));
            b.address(address);
            String other = a.childText("OTHER");
            if (other != null) {
                b.remark("Address" + (address.text().isEmpty() ? "" : " " + address.text()) + ": " + other);
            }
        }
        for (XmlNode passport : e.all("PASSPORT")) {
            passport(b, passport);
        }
        designations(b, e, id);
        return b.build();
    }

    private void names(PartyBuilder b, XmlNode e, String where) throws ListParseException {
        List<XmlNode> named = new ArrayList<>();
        for (XmlNode n : e.all("NAME")) {
            if (fullName(n) != null) {
                named.add(n);
            }
        }
        if (named.isEmpty()) {
            throw new ListParseException(file, where, "ENTITY has no name (no NAME with a WHOLENAME or name parts)");
        }
        int primary = 0;
        for (int i = 0; i < named.size(); i++) {
            if (EuText.primaryLanguage(named.get(i).childText("LANGUAGE"))) {
                primary = i;
                break;
            }
        }
        b.name(name(named.get(primary), true));
        for (int i = 0; i < named.size(); i++) {
            XmlNode n = named.get(i);
            if (i != primary) {
                b.name(name(n, false));
            }
            b.gender(EuText.gender(n.childText("GENDER")));
            b.title(collapse(n.childText("TITLE")));
            b.title(collapse(n.childText("FUNCTION")));
        }
    }

    private static PartyName name(XmlNode n, boolean primary) {
        String full = fullName(n);
        NameKind kind = primary ? NameKind.PRIMARY : EuText.aliasKind(full, n.childText("LANGUAGE"));
        return new PartyName(full, collapse(join(" ", n.childText("FIRSTNAME"), n.childText("MIDDLENAME"))),
                collapse(n.childText("LASTNAME")), kind, NameQuality.STRONG, null);
    }

    private static String fullName(XmlNode n) {
        String whole = collapse(n.childText("WHOLENAME"));
        return whole != null ? whole
                : collapse(join(" ", n.childText("FIRSTNAME"), n.childText("MIDDLENAME"), n.childText("LASTNAME")));
    }

    /** {@code 1924-02-21} → day, {@code 1960} and {@code 1960 (approximative)} → year, {@code 1955 - 1958} → range. */
    static PartialDate date(String text) {
        String t = text.strip();
        LocalDate day = SourceText.isoDatePrefix(t);
        if (day != null && t.length() == 10) {
            return PartialDate.ofDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), t);
        }
        Matcher m = YEAR.matcher(t);
        if (m.matches()) {
            return PartialDate.ofYear(Integer.parseInt(m.group(1)), t);
        }
        m = YEARS.matcher(t);
        if (m.matches() && Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(2))) {
            return PartialDate.ofYears(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), t);
        }
        return null;
    }

    private static String countryDisplay(String code) {
        if (code == null) {
            return null;
        }
        return Countries.toIso2(code).map(Countries::displayName).orElse(code);
    }

    private static void passport(PartyBuilder b, XmlNode p) {
        String raw = p.childText("NUMBER");
        if (raw == null) {
            return;
        }
        String number = collapse(raw);
        String code = null;
        String label = null;
        String note = null;
        Matcher m = PASSPORT.matcher(raw.strip());
        if (m.matches() && collapse(m.group(1)) != null) {
            number = collapse(m.group(1));
            code = m.group(2);
            label = collapse(m.group(3));
            note = collapse(EuText.unwrap(EuText.unwrap(m.group(4))));
        }
        String country = p.childText("COUNTRY");
        IdentifierType type = code == null ? IdentifierType.PASSPORT : EuText.identifierType(code, label);
        b.identifier(new Identifier(type, label == null ? "Passport" : label, number, country,
                country == null ? null : Countries.toIso2(country).orElse(null), note));
    }

    /**
     * One designation per programme named on the ENTITY or its details; the ENTITY's own programme comes first with
     * its legal_basis and pdf_link. The listing date of a programme is the earliest reg_date among the elements
     * that name it.
     */
    private static void designations(PartyBuilder b, XmlNode e, String id) {
        List<XmlNode> cited = new ArrayList<>();
        cited.add(e);
        cited.addAll(e.children);
        Map<String, XmlNode> first = new LinkedHashMap<>();
        Map<String, LocalDate> earliest = new LinkedHashMap<>();
        for (XmlNode c : cited) {
            String programme = c.attr("programme");
            if (programme == null && c != e) {
                continue;
            }
            String key = programme == null ? "" : programme;
            first.putIfAbsent(key, c);
            earliest.put(key, EuText.earliest(earliest.get(key), SourceText.isoDatePrefix(c.attr("reg_date"))));
        }
        for (Map.Entry<String, XmlNode> p : first.entrySet()) {
            XmlNode c = p.getValue();
            b.designation(new Designation(Authorities.EU, Authorities.EU_LIST, p.getKey().isEmpty() ? null : p.getKey(),
                    collapse(c.attr("legal_basis")), earliest.get(p.getKey()), id, c.attr("pdf_link"),
                    EuFsfXmlParser.SOURCE_TYPE));
        }
    }
}
