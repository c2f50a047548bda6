package io.vigil.registry.link;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Countries;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.IdentifierType;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartyType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links entries of different lists (or of one list) that describe the same party. Three kinds of evidence:
 * <ol>
 *   <li>a shared identifier of type PASSPORT, NATIONAL_ID, IMO, SWIFT_BIC, REGISTRATION or UK_SANCTIONS_LIST_REF
 *       (the FCDO's unique id, e.g. {@code RUS1831}, which the OFSI list cites) (equal
 *       {@link Identifier#normalizedValue()}; when both carry an issuing country code, the codes must be equal):
 *       reason {@code "same passport 108410050 (KP)"};</li>
 *   <li>a UN reference number: an entry with {@code Identifier(UN_REFERENCE, "QDe.004")} is linked to the UN
 *       entry {@code un:QDe.004}, and entries carrying the same UN reference are linked to each other: reason
 *       {@code "UN reference QDe.004"}. References compare case-insensitively with the number as a number
 *       ({@code KPe.23} = {@code KPe.023}), and the UN's pre-2015 Al-Qaida/Taliban form (name initial and listing
 *       year around the number, still used by older national lists) is read as the current one:
 *       {@code QI.D.232.07} = {@code QDi.232}, {@code QE.T.14.01} = {@code QDe.014}, {@code TI.A.23.01} =
 *       {@code TAi.023}; a reference written differently is quoted: {@code "UN reference QDi.232 (written
 *       QI.D.232.07)"};</li>
 *   <li>an equal normalized name (primary name or strong alias, tokens sorted, so {@code "CHOE, Chol Min"} equals
 *       {@code "Chol Min CHOE"}) of entries from <em>different</em> sources: individuals also need overlapping
 *       dates of birth and a shared nationality or citizenship, organizations a shared country (address country
 *       or nationality): reason {@code "same name 'choe chol min', DOB 1978-04-03 overlaps, nationality KP"}.</li>
 * </ol>
 * Weak (low-quality) aliases are not used for name links. Identifier values that cannot identify anyone are
 * ignored: IMO numbers compare as their 7 digits, BICs as 8 or 11 characters (a trailing XXX dropped), other
 * numbers need a digit and at least 4 characters; a value shared by more than {@value #MAX_SHARED} entries is
 * treated as a placeholder. Everything is indexed by hash maps, so linking 20,000 entries takes well under a second.
 * The result is deterministic for a given input.
 */
public final class PartyLinker {

    static final int MAX_SHARED = 25;

    /** The UN's pre-2015 Al-Qaida/Taliban form: {@code QI.D.232.07}, {@code Q.I.A.10.01}, {@code TE.H.14.01}. */
    private static final Pattern OLD_UN_REFERENCE =
            Pattern.compile("([QT])\\.?([IE])\\.[A-Z]{1,3}\\.(\\d{1,4})\\.\\d{2}");
    /** The current form: two letters for the regime, i or e, a number: {@code QDi.232}, {@code KPE.23}. */
    private static final Pattern UN_REFERENCE = Pattern.compile("([A-Z]{2})([IE])\\.(\\d{1,4})");

    private static final Set<IdentifierType> LINKING_TYPES = EnumSet.of(IdentifierType.PASSPORT,
            IdentifierType.NATIONAL_ID, IdentifierType.IMO, IdentifierType.SWIFT_BIC, IdentifierType.REGISTRATION,
            IdentifierType.UK_SANCTIONS_LIST_REF);

    /** Links the given entries; their ids must be unique. */
    public PartyLinks link(Collection<Party> parties) {
        List<Party> list = List.copyOf(parties);
        Map<String, Map<String, LinkedHashSet<String>>> reasons = new LinkedHashMap<>();
        linkByIdentifiers(list, reasons);
        linkByUnReference(list, reasons);
        linkByName(list, reasons);
        List<PartyLink> links = new ArrayList<>();
        reasons.forEach((a, m) -> m.forEach((b, r) -> links.add(new PartyLink(a, b, String.join("; ", r)))));
        return PartyLinks.of(links);
    }

    private static void linkByIdentifiers(List<Party> parties, Map<String, Map<String, LinkedHashSet<String>>> out) {
        record Holder(Party party, Identifier identifier) {
        }
        Map<String, List<Holder>> index = new LinkedHashMap<>();
        for (Party p : parties) {
            for (Identifier id : p.identifiers()) {
                if (!LINKING_TYPES.contains(id.type())) {
                    continue;
                }
                String value = linkValue(id);
                if (value == null) {
                    continue;
                }
                List<Holder> holders = index.computeIfAbsent(id.type() + "|" + value, k -> new ArrayList<>());
                if (holders.stream().noneMatch(h -> h.party() == p)) {
                    holders.add(new Holder(p, id));
                }
            }
        }
        for (List<Holder> holders : index.values()) {
            if (holders.size() < 2 || holders.size() > MAX_SHARED) {
                continue;
            }
            for (int i = 0; i < holders.size(); i++) {
                for (int j = i + 1; j < holders.size(); j++) {
                    Identifier a = holders.get(i).identifier();
                    Identifier b = holders.get(j).identifier();
                    String ca = country(a.countryCode());
                    String cb = country(b.countryCode());
                    if (ca != null && cb != null && !ca.equals(cb)) {
                        continue;
                    }
                    String country = ca != null ? ca : cb;
                    String reason = "same " + label(a.type()) + " " + linkValue(a)
                            + (country == null ? "" : " (" + country + ")");
                    add(out, holders.get(i).party().id(), holders.get(j).party().id(), reason);
                }
            }
        }
    }

    /**
     * The value compared across lists, or null when it cannot identify anyone: IMO numbers as their 7 digits
     * ({@code "IMO 8660313"} → {@code 8660313}), BICs as 8 or 11 characters with a trailing {@code XXX} dropped,
     * other numbers normalized and required to hold a digit and at least 4 characters.
     */
    static String linkValue(Identifier id) {
        String value = id.normalizedValue();
        switch (id.type()) {
            case IMO -> {
                String digits = value.replaceAll("[^0-9]", "");
                return digits.length() == 7 ? digits : null;
            }
            case SWIFT_BIC -> {
                if (value.length() == 11 && value.endsWith("XXX")) {
                    value = value.substring(0, 8);
                }
                return value.length() == 8 || value.length() == 11 ? value : null;
            }
            default -> {
                return value.length() < 4 || value.chars().noneMatch(Character::isDigit) ? null : value;
            }
        }
    }

    private static void linkByUnReference(List<Party> parties, Map<String, Map<String, LinkedHashSet<String>>> out) {
        record Citation(String partyId, String written) {
        }
        Map<String, List<Citation>> index = new LinkedHashMap<>();
        for (Party p : parties) {
            Map<String, String> written = new LinkedHashMap<>();
            if (p.source().equals("un")) {
                String ref = p.id().substring(3).strip();
                written.putIfAbsent(canonicalUnReference(ref), ref);
            }
            for (Identifier id : p.identifiers()) {
                if (id.type() == IdentifierType.UN_REFERENCE && !id.value().isBlank()) {
                    written.putIfAbsent(canonicalUnReference(id.value()), id.value().strip());
                }
            }
            written.forEach((key, w) -> index.computeIfAbsent(key, x -> new ArrayList<>()).add(new Citation(p.id(),
                    w)));
        }
        index.forEach((key, citations) -> {
            if (citations.size() < 2 || citations.size() > MAX_SHARED) {
                return;
            }
            for (int i = 0; i < citations.size(); i++) {
                for (int j = i + 1; j < citations.size(); j++) {
                    Set<String> variants = new LinkedHashSet<>();
                    for (Citation c : List.of(citations.get(i), citations.get(j))) {
                        if (!unKey(c.written()).equals(unKey(key))) {
                            variants.add(c.written());
                        }
                    }
                    add(out, citations.get(i).partyId(), citations.get(j).partyId(), "UN reference " + key
                            + (variants.isEmpty() ? "" : " (written " + String.join(", ", variants) + ")"));
                }
            }
        });
    }

    /**
     * The reference in the UN's current form, so that equal references compare equal: {@code "QI.D.232.07"} →
     * {@code "QDi.232"}, {@code "TE.H.14.01"} → {@code "TAe.014"}, {@code "KPE.23 "} → {@code "KPe.023"}; any other
     * value is returned stripped, without spaces and upper-cased ({@code "E.29.I.1"}).
     */
    static String canonicalUnReference(String ref) {
        String v = unKey(ref);
        while (v.endsWith(".")) {
            v = v.substring(0, v.length() - 1);
        }
        Matcher old = OLD_UN_REFERENCE.matcher(v);
        if (old.matches()) {
            return (old.group(1).equals("Q") ? "QD" : "TA") + old.group(2).toLowerCase(Locale.ROOT) + "."
                    + threeDigits(old.group(3));
        }
        Matcher current = UN_REFERENCE.matcher(v);
        if (current.matches()) {
            return current.group(1) + current.group(2).toLowerCase(Locale.ROOT) + "." + threeDigits(current.group(3));
        }
        return v;
    }

    private static String threeDigits(String digits) {
        return String.format(Locale.ROOT, "%03d", Integer.parseInt(digits));
    }

    private static void linkByName(List<Party> parties, Map<String, Map<String, LinkedHashSet<String>>> out) {
        Map<String, List<Party>> index = new LinkedHashMap<>();
        for (Party p : parties) {
            if (p.type() != PartyType.INDIVIDUAL && p.type() != PartyType.ORGANIZATION) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            for (PartyName n : p.names()) {
                if (n.isPrimary() || n.quality() != NameQuality.WEAK) {
                    String k = NameKeys.key(n.fullName());
                    if (!k.isEmpty()) {
                        keys.add(k);
                    }
                }
            }
            for (String k : keys) {
                index.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
            }
        }
        Set<String> done = new java.util.HashSet<>();
        index.forEach((key, group) -> {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    Party a = group.get(i);
                    Party b = group.get(j);
                    if (a.source().equals(b.source()) || a.type() != b.type()) {
                        continue;
                    }
                    String pair = a.id().compareTo(b.id()) < 0 ? a.id() + "\n" + b.id() : b.id() + "\n" + a.id();
                    if (done.contains(pair)) {
                        continue;
                    }
                    String reason = a.type() == PartyType.INDIVIDUAL ? individualReason(key, a, b)
                            : organizationReason(key, a, b);
                    if (reason != null) {
                        done.add(pair);
                        add(out, a.id(), b.id(), reason);
                    }
                }
            }
        });
    }

    private static String individualReason(String key, Party a, Party b) {
        String dob = null;
        for (PartialDate da : a.datesOfBirth()) {
            for (PartialDate db : b.datesOfBirth()) {
                if (da.overlaps(db)) {
                    dob = da.iso().equals(db.iso()) ? da.iso() : da.iso() + " overlaps " + db.iso();
                    break;
                }
            }
            if (dob != null) {
                break;
            }
        }
        if (dob == null) {
            return null;
        }
        Set<String> shared = countries(a.nationalities(), a.citizenships());
        shared.retainAll(countries(b.nationalities(), b.citizenships()));
        if (shared.isEmpty()) {
            return null;
        }
        return "same name '" + key + "', DOB " + (dob.contains("overlaps") ? dob : dob + " overlaps")
                + ", nationality " + String.join("/", shared);
    }

    private static String organizationReason(String key, Party a, Party b) {
        Set<String> shared = organizationCountries(a);
        shared.retainAll(organizationCountries(b));
        if (shared.isEmpty()) {
            return null;
        }
        return "same name '" + key + "', country " + String.join("/", shared);
    }

    private static Set<String> organizationCountries(Party p) {
        Set<String> c = countries(p.nationalities(), p.citizenships());
        for (Address address : p.addresses()) {
            String code = address.countryCode() != null ? country(address.countryCode()) : country(address.country());
            if (code != null) {
                c.add(code);
            }
        }
        return c;
    }

    private static Set<String> countries(List<String> first, List<String> second) {
        Set<String> out = new TreeSet<>();
        for (List<String> l : List.of(first, second)) {
            for (String s : l) {
                String c = country(s);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static String country(String nameOrCode) {
        if (nameOrCode == null || nameOrCode.isBlank()) {
            return null;
        }
        return Countries.toIso2(nameOrCode).orElse(nameOrCode.strip().toUpperCase(Locale.ROOT));
    }

    private static String unKey(String ref) {
        return ref.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static String label(IdentifierType type) {
        return switch (type) {
            case PASSPORT -> "passport";
            case NATIONAL_ID -> "national ID";
            case IMO -> "IMO number";
            case SWIFT_BIC -> "SWIFT/BIC";
            case REGISTRATION -> "registration number";
            case UK_SANCTIONS_LIST_REF -> "UK Sanctions List reference";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    private static void add(Map<String, Map<String, LinkedHashSet<String>>> out, String x, String y, String reason) {
        if (x.equals(y)) {
            return;
        }
        String a = x.compareTo(y) < 0 ? x : y;
        String b = a.equals(x) ? y : x;
        out.computeIfAbsent(a, k -> new LinkedHashMap<>()).computeIfAbsent(b, k -> new LinkedHashSet<>()).add(reason);
    }
}
