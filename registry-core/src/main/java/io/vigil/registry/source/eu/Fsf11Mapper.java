package io.vigil.registry.source.eu;

import io.vigil.registry.source.XmlNode;
import static io.vigil.registry.source.SourceText.collapse;
import static io.vigil.registry.source.eu.EuText.countryName;
import static io.vigil.registry.source.eu.EuText.integer;
import static io.vigil.registry.source.eu.EuText.iso2;
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
import java.util.Locale;
import java.util.Map;

/**
 * Maps one FSF XML 1.1 {@code <sanctionEntity>} (namespace {@code http://eu.europa.ec/fpi/fsd/export}) to a
 * {@link Party}. See {@link EuFsfXmlParser} for the mapping.
 */
final class Fsf11Mapper {

    private final String file;
    private final List<String> warnings;

    Fsf11Mapper(String file, List<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    Party map(XmlNode e, int index) throws ListParseException {
        String logicalId = e.attr("logicalId");
        String where = "line " + e.line + ", sanctionEntity #" + index
                + (logicalId != null ? " (logicalId " + logicalId + ")"
                        : e.attr("euReferenceNumber") != null ? " (euReferenceNumber " + e.attr("euReferenceNumber")
                                + ")" : "");
        if (logicalId == null) {
            throw new ListParseException(file, where, "sanctionEntity has no logicalId");
        }
        PartyBuilder b = Party.builder("eu:" + logicalId).type(type(e, where));
        names(b, e, where);

        for (XmlNode remark : e.all("remark")) {
            b.remark(remark.text());
        }
        for (XmlNode info : e.all("additionalInformation")) {
            b.remark(join(": ", info.attr("key"), info.attr("value")));
        }
        String euReference = e.attr("euReferenceNumber");
        if (euReference != null) {
            b.remark("EU reference number " + euReference);
        }
        b.remark(e.attr("designationDetails"));
        String un = e.attr("unitedNationId");
        if (un != null) {
            b.identifier(new Identifier(IdentifierType.UN_REFERENCE, "UN reference number", un, null, null, null));
        }

        for (XmlNode c : e.all("citizenship")) {
            String code = iso2(c.attr("countryIso2Code"));
            String country = code != null ? code : Countries.codeOrName(countryName(c.attr("countryDescription")));
            b.nationality(country);
            b.citizenship(country);
            detailRemarks(b, c, "Citizenship");
        }
        Map<String, PartialDate> dates = new LinkedHashMap<>();
        for (XmlNode d : e.all("birthdate")) {
            birthdate(b, d, dates);
        }
        dates.values().forEach(b::dateOfBirth);
        for (XmlNode a : e.all("address")) {
            address(b, a);
        }
        for (XmlNode i : e.all("identification")) {
            identification(b, i);
        }
        designations(b, e, logicalId, where);
        String delisted = e.attr("delistingDate");
        if (delisted != null) {
            b.remark("Delisting date " + delisted);
            warnings.add(file + " " + where + ": entry carries delistingDate " + delisted);
        }
        return b.build();
    }

    private PartyType type(XmlNode e, String where) {
        XmlNode subject = e.child("subjectType");
        String classification = subject == null ? null : subject.attr("classificationCode");
        String code = subject == null ? null : subject.attr("code");
        PartyType t = PartyType.fromText(classification);
        if (t == PartyType.UNKNOWN) {
            t = "enterprise".equalsIgnoreCase(code) ? PartyType.ORGANIZATION : PartyType.fromText(code);
        }
        if (t == PartyType.UNKNOWN) {
            warnings.add(file + " " + where + ": subjectType " + code + "/" + classification + " not recognised");
        }
        return t;
    }

    private void names(PartyBuilder b, XmlNode e, String where) throws ListParseException {
        List<XmlNode> aliases = new ArrayList<>();
        for (XmlNode a : e.all("nameAlias")) {
            if (fullName(a) != null) {
                aliases.add(a);
            }
        }
        if (aliases.isEmpty()) {
            throw new ListParseException(file, where,
                    "sanctionEntity has no name (no nameAlias with a wholeName or name parts)");
        }
        int primary = -1;
        for (int i = 0; i < aliases.size() && primary < 0; i++) {
            XmlNode a = aliases.get(i);
            if (!"false".equalsIgnoreCase(a.attr("strong")) && EuText.primaryLanguage(a.attr("nameLanguage"))) {
                primary = i;
            }
        }
        for (int i = 0; i < aliases.size() && primary < 0; i++) {
            if (!"false".equalsIgnoreCase(aliases.get(i).attr("strong"))) {
                primary = i;
            }
        }
        primary = Math.max(primary, 0);
        b.name(name(aliases.get(primary), true));
        for (int i = 0; i < aliases.size(); i++) {
            XmlNode a = aliases.get(i);
            if (i != primary) {
                b.name(name(a, false));
            }
            b.gender(EuText.gender(a.attr("gender")));
            b.title(collapse(a.attr("title")));
            b.title(collapse(a.attr("function")));
            detailRemarks(b, a, "Name " + fullName(a));
        }
    }

    private static PartyName name(XmlNode a, boolean primary) {
        String full = fullName(a);
        String given = collapse(join(" ", a.attr("firstName"), a.attr("middleName")));
        String family = collapse(a.attr("lastName"));
        NameKind kind = primary ? NameKind.PRIMARY : EuText.aliasKind(full, a.attr("nameLanguage"));
        NameQuality quality = "false".equalsIgnoreCase(a.attr("strong")) ? NameQuality.WEAK : NameQuality.STRONG;
        return new PartyName(full, given, family, kind, quality, null);
    }

    private static String fullName(XmlNode a) {
        String whole = collapse(a.attr("wholeName"));
        return whole != null ? whole
                : collapse(join(" ", a.attr("firstName"), a.attr("middleName"), a.attr("lastName")));
    }

    private void birthdate(PartyBuilder b, XmlNode d, Map<String, PartialDate> dates) {
        boolean circa = "true".equalsIgnoreCase(d.attr("circa"));
        String prefix = circa ? "circa " : "";
        String calendar = d.attr("calendarType");
        Integer year = integer(d.attr("year"));
        Integer month = integer(d.attr("monthOfYear"));
        Integer day = integer(d.attr("dayOfMonth"));
        Integer from = integer(d.attr("yearRangeFrom"));
        Integer to = integer(d.attr("yearRangeTo"));
        String full = d.attr("birthdate");
        String stated = full != null ? full
                : year != null ? join("-", String.valueOf(year), month == null ? null : pad(month),
                        month == null || day == null ? null : pad(day))
                : from != null && to != null ? from + " to " + to : null;
        if (stated != null) {
            PartialDate date = null;
            if (calendar == null || calendar.equalsIgnoreCase("GREGORIAN")) {
                if (full != null) {
                    LocalDate ld = SourceText.isoDatePrefix(full);
                    date = ld == null ? null
                            : EuText.date(ld.getYear(), ld.getMonthValue(), ld.getDayOfMonth(), prefix + full);
                } else if (year != null) {
                    date = EuText.date(year, month, month == null ? null : day, prefix + stated);
                } else {
                    try {
                        date = PartialDate.ofYears(from, to, prefix + stated);
                    } catch (RuntimeException ex) {
                        date = null;
                    }
                }
            }
            if (date != null) {
                dates.putIfAbsent(date.earliest() + "/" + date.latest() + "/" + date.precision(), date);
            } else {
                b.remark("Date of birth: " + prefix + stated
                        + (calendar == null || calendar.equalsIgnoreCase("GREGORIAN") ? ""
                                : " (" + calendar.toLowerCase(Locale.ROOT) + " calendar)"));
            }
        }
        b.placeOfBirth(collapse(join(", ", d.attr("city"), d.attr("region"), d.attr("place"),
                countryName(d.attr("countryDescription")))));
        detailRemarks(b, d, "Date of birth " + (stated == null ? "" : stated));
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private void address(PartyBuilder b, XmlNode a) {
        String street = collapse(join(", ", a.attr("street"), a.attr("poBox"), a.attr("place")));
        String country = countryName(a.attr("countryDescription"));
        Address address = new Address(street, collapse(a.attr("city")), collapse(a.attr("region")),
                collapse(a.attr("zipCode")), country, iso2(a.attr("countryIso2Code")));
        b.address(address);
        for (XmlNode contact : a.all("contactInfo")) {
            String key = contact.attr("key");
            String value = contact.attr("value");
            if (value == null) {
                continue;
            }
            String k = key == null ? "" : key.toLowerCase(Locale.ROOT);
            if (k.contains("email")) {
                b.identifier(new Identifier(IdentifierType.EMAIL, key, value, null, null, null));
            } else if (k.contains("web")) {
                b.identifier(new Identifier(IdentifierType.WEBSITE, key, value, null, null, null));
            } else {
                b.remark(join(": ", key, value));
            }
        }
        detailRemarks(b, a, "Address " + address.text());
    }

    private void identification(PartyBuilder b, XmlNode i) {
        String number = collapse(i.attr("number"));
        String latin = collapse(i.attr("latinNumber"));
        String label = i.attr("identificationTypeDescription") != null ? i.attr("identificationTypeDescription")
                : i.attr("identificationTypeCode");
        List<String> notes = new ArrayList<>();
        if (number == null) {
            number = latin;
        } else if (latin != null && !latin.equals(number)) {
            notes.add("latin number " + latin);
        }
        addIf(notes, "issued by ", i.attr("issuedBy"));
        addIf(notes, "issued ", i.attr("issueDate"));
        addIf(notes, "valid from ", i.attr("validFrom"));
        addIf(notes, "valid to ", i.attr("validTo"));
        addIf(notes, "name on document ", i.attr("nameOnDocument"));
        addIf(notes, "region ", i.attr("region"));
        for (String flag : new String[] {"diplomatic", "knownExpired", "knownFalse", "reportedLost",
            "revokedByIssuer"}) {
            if ("true".equalsIgnoreCase(i.attr(flag))) {
                notes.add(flagText(flag));
            }
        }
        for (XmlNode r : i.all("remark")) {
            if (r.text() != null) {
                notes.add(r.text());
            }
        }
        String note = notes.isEmpty() ? null : String.join("; ", notes);
        if (number == null) {
            if (note != null) {
                b.remark((label == null ? "Identification" : label) + ": " + note);
            }
            return;
        }
        String code = iso2(i.attr("countryIso2Code"));
        String country = countryName(i.attr("countryDescription"));
        b.identifier(new Identifier(EuText.identifierType(i.attr("identificationTypeCode"), label), label, number,
                country, code, note));
    }

    private static String flagText(String flag) {
        return switch (flag) {
            case "knownExpired" -> "known expired";
            case "knownFalse" -> "known false";
            case "reportedLost" -> "reported lost";
            case "revokedByIssuer" -> "revoked by issuer";
            default -> flag;
        };
    }

    private static void addIf(List<String> notes, String prefix, String value) {
        if (value != null && !value.isBlank()) {
            notes.add(prefix + value.strip());
        }
    }

    private static void detailRemarks(PartyBuilder b, XmlNode detail, String what) {
        for (XmlNode r : detail.all("remark")) {
            if (r.text() != null) {
                b.remark(what.strip() + ": " + r.text());
            }
        }
    }

    /**
     * One designation per programme of the entity's {@code regulation} elements. The legal basis and URL come from
     * the programme's base {@code regulation} when one is listed, else from its first regulation. The listing date
     * is {@code designationDate} when the file gives it, else the earliest publication date of any regulation,
     * regulation summary or corrigendum cited in the entry.
     */
    private void designations(PartyBuilder b, XmlNode e, String logicalId, String where) throws ListParseException {
        LocalDate listedOn = null;
        String designationDate = e.attr("designationDate");
        if (designationDate != null) {
            listedOn = SourceText.isoDatePrefix(designationDate);
            if (listedOn == null) {
                throw new ListParseException(file, where, "invalid designationDate '" + designationDate + "'");
            }
        } else {
            for (String element : new String[] {"regulation", "regulationSummary", "corrigendum"}) {
                for (XmlNode r : e.descendants(element)) {
                    listedOn = EuText.earliest(listedOn, SourceText.isoDatePrefix(r.attr("publicationDate")));
                }
            }
        }
        Map<String, XmlNode> byProgramme = new LinkedHashMap<>();
        for (XmlNode r : e.all("regulation")) {
            String programme = r.attr("programme") == null ? "" : r.attr("programme");
            XmlNode chosen = byProgramme.get(programme);
            if (chosen == null || !"regulation".equalsIgnoreCase(chosen.attr("regulationType"))
                    && "regulation".equalsIgnoreCase(r.attr("regulationType"))) {
                byProgramme.put(programme, r);
            }
        }
        if (byProgramme.isEmpty()) {
            warnings.add(file + " " + where + ": sanctionEntity cites no regulation");
            b.designation(new Designation(Authorities.EU, Authorities.EU_LIST, null, null, listedOn, logicalId, null,
                    EuFsfXmlParser.SOURCE_TYPE));
            return;
        }
        for (Map.Entry<String, XmlNode> p : byProgramme.entrySet()) {
            XmlNode r = p.getValue();
            b.designation(new Designation(Authorities.EU, Authorities.EU_LIST, p.getKey().isEmpty() ? null : p.getKey(),
                    collapse(r.attr("numberTitle")), listedOn, logicalId, r.childText("publicationUrl"),
                    EuFsfXmlParser.SOURCE_TYPE));
        }
    }
}
