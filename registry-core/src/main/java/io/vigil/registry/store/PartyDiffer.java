package io.vigil.registry.store;

import io.vigil.registry.model.Address;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Field-level summary of how one party changed: {@code ["names: +'KIM Il', -'KIM Ill'",
 * "designations: +US Treasury OFAC NPWMD (43598)"]}.
 */
public final class PartyDiffer {

    private static final int MAX_ITEMS = 5;
    private static final int MAX_TEXT = 80;

    private PartyDiffer() {
    }

    /** What changed from {@code before} to {@code after}, one short line per field; empty when equal. */
    public static List<String> changes(Party before, Party after) {
        List<String> out = new ArrayList<>();
        if (before.type() != after.type()) {
            out.add("type: " + before.type() + " → " + after.type());
        }
        if (!before.primaryName().equals(after.primaryName())) {
            out.add("primary name: '" + cut(before.primaryName()) + "' → '" + cut(after.primaryName()) + "'");
        }
        list(out, "names", before.names(), after.names(), n -> "'" + n.fullName() + "'");
        details(out, "name", before.names(), after.names(), PartyName::fullName, List.of(
                attr("kind", PartyName::kind), attr("quality", PartyName::quality), attr("script", PartyName::script),
                attr("given name", PartyName::givenName), attr("family name", PartyName::familyName)));
        list(out, "dates of birth", before.datesOfBirth(), after.datesOfBirth(), PartialDate::iso);
        details(out, "date of birth", before.datesOfBirth(), after.datesOfBirth(), PartialDate::iso,
                List.of(attr("text", PartialDate::text)));
        list(out, "places of birth", before.placesOfBirth(), after.placesOfBirth(), s -> s);
        list(out, "nationalities", before.nationalities(), after.nationalities(), s -> s);
        list(out, "citizenships", before.citizenships(), after.citizenships(), s -> s);
        list(out, "addresses", before.addresses(), after.addresses(), Address::text);
        details(out, "address", before.addresses(), after.addresses(), Address::text,
                List.of(attr("country code", Address::countryCode)));
        list(out, "identifiers", before.identifiers(), after.identifiers(), PartyDiffer::identifier);
        details(out, "identifier", before.identifiers(), after.identifiers(), PartyDiffer::identifier, List.of(
                attr("label", Identifier::label), attr("issuing country", Identifier::issuingCountry),
                attr("note", Identifier::note)));
        if (!Objects.equals(before.gender(), after.gender())) {
            out.add("gender: " + before.gender() + " → " + after.gender());
        }
        list(out, "titles", before.titles(), after.titles(), s -> s);
        list(out, "relations", before.relations(), after.relations(), PartyDiffer::relation);
        details(out, "relation", before.relations(), after.relations(), PartyDiffer::relation,
                List.of(attr("target id", Relation::targetPartyId)));
        list(out, "remarks", before.remarks(), after.remarks(), s -> s);
        list(out, "designations", before.designations(), after.designations(), PartyDiffer::designation);
        details(out, "designation", before.designations(), after.designations(), PartyDiffer::designation,
                List.of(attr("list", Designation::listName), attr("legal basis", Designation::legalBasis),
                        attr("listed on", Designation::listedOn), attr("url", Designation::url),
                        attr("source type", Designation::sourceType)));
        if (out.isEmpty() && !before.equals(after)) {
            out.add("content changed (no field-level difference found)");
        }
        return out;
    }

    /** Added and removed values by their display key; "order changed" when only the order differs. */
    private static <T> void list(List<String> out, String label, List<T> before, List<T> after,
            Function<T, String> key) {
        Set<String> a = new LinkedHashSet<>();
        before.forEach(x -> a.add(key.apply(x)));
        Set<String> b = new LinkedHashSet<>();
        after.forEach(x -> b.add(key.apply(x)));
        List<String> parts = new ArrayList<>();
        int added = 0;
        for (String x : b) {
            if (!a.contains(x) && added++ < MAX_ITEMS) {
                parts.add("+" + cut(x));
            }
        }
        if (added > MAX_ITEMS) {
            parts.add("+" + (added - MAX_ITEMS) + " more");
        }
        int removed = 0;
        for (String x : a) {
            if (!b.contains(x) && removed++ < MAX_ITEMS) {
                parts.add("-" + cut(x));
            }
        }
        if (removed > MAX_ITEMS) {
            parts.add("-" + (removed - MAX_ITEMS) + " more");
        }
        if (!parts.isEmpty()) {
            out.add(label + ": " + String.join(", ", parts));
        } else if (a.equals(b) && !new ArrayList<>(a).equals(new ArrayList<>(b))) {
            out.add(label + ": order changed");
        }
    }

    /** A named sub-field of a list element. */
    private record Attr<T>(String name, Function<T, Object> get) {
    }

    private static <T> Attr<T> attr(String name, Function<T, Object> get) {
        return new Attr<>(name, get);
    }

    /**
     * Elements present on both sides under the same key whose other sub-fields differ:
     * {@code "designation US Treasury OFAC NPWMD (43598): listed on 2023-06-15 → 2023-06-16"}.
     */
    private static <T> void details(List<String> out, String label, List<T> before, List<T> after,
            Function<T, String> key, List<Attr<T>> attrs) {
        Map<String, T> a = new LinkedHashMap<>();
        before.forEach(x -> a.putIfAbsent(key.apply(x), x));
        int reported = 0;
        for (T y : after) {
            T x = a.get(key.apply(y));
            if (x == null || x.equals(y)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Attr<T> attr : attrs) {
                Object was = attr.get().apply(x);
                Object now = attr.get().apply(y);
                if (!Objects.equals(was, now)) {
                    parts.add(attr.name() + " " + cut(String.valueOf(was)) + " → " + cut(String.valueOf(now)));
                }
            }
            if (!parts.isEmpty() && reported++ < MAX_ITEMS) {
                out.add(label + " " + cut(key.apply(y)) + ": " + String.join(", ", parts));
            }
        }
    }

    private static String identifier(Identifier i) {
        return i.type() + " " + i.value() + (i.countryCode() == null ? "" : " (" + i.countryCode() + ")");
    }

    private static String relation(Relation r) {
        return r.kind() + " " + r.targetName();
    }

    private static String designation(Designation d) {
        return d.authority() + (d.program() == null ? "" : " " + d.program()) + " (" + d.sourceReference() + ")";
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT - 1) + "…";
    }
}
