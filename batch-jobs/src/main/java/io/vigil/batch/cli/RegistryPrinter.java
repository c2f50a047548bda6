package io.vigil.batch.cli;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.model.Address;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Identifier;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import io.vigil.registry.model.PartialDate;
import io.vigil.registry.model.Relation;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.store.PartyChange;
import io.vigil.registry.store.PartyEntry;
import io.vigil.registry.store.SnapshotDiff;
import io.vigil.registry.store.SnapshotInfo;
import io.vigil.registry.store.SnapshotSource;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Plain-text rendering of registry records for the terminal. Deterministic: no wall-clock, sorted maps. */
final class RegistryPrinter {

    private RegistryPrinter() {
    }

    static void status(SnapshotInfo s, List<PartyEntry> entries, PrintWriter out) {
        out.printf(Locale.ROOT, "%s snapshot %d, created %s%n", s.isActive() ? "Active" : "Superseded", s.id(),
                s.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        out.printf(Locale.ROOT, "  %,d parties, %,d links between entries of the same party%n%n", s.partyCount(),
                s.linkCount());
        out.println("Sources");
        for (SnapshotSource ss : s.sources()) {
            ListSource src = ss.source();
            out.printf(Locale.ROOT, "  %s: %s, %s%n", src.sourceType(), src.authority(), src.listName());
            out.printf(Locale.ROOT, "      published: %s%n", src.publicationDate() != null
                    ? src.publicationDate() + (src.publicationDateNote() == null ? "" : " (" + src.publicationDateNote() + ")")
                    : "not stated" + (src.publicationDateNote() == null ? "" : " (" + src.publicationDateNote() + ")"));
            out.printf(Locale.ROOT, "      entries:   %,d%n", ss.entryCount());
            if (src.url() != null) {
                out.printf(Locale.ROOT, "      url:       %s%n", src.url());
            }
            for (SourceFile f : src.files()) {
                out.printf(Locale.ROOT, "      file:      %s  %,d bytes  sha256 %s%n", f.name(), f.sizeBytes(),
                        f.sha256());
            }
        }
        out.println();
        out.println("Parties by type");
        out.printf(Locale.ROOT, "  %-10s %9s %13s %9s %9s %9s %9s%n", "source", "person", "organization", "vessel",
                "aircraft", "unknown", "total");
        Map<String, Map<PartyType, Long>> bySource = entries.stream().collect(Collectors.groupingBy(
                e -> e.partyId().substring(0, e.partyId().indexOf(':')), java.util.TreeMap::new,
                Collectors.groupingBy(PartyEntry::type, () -> new java.util.EnumMap<>(PartyType.class),
                        Collectors.counting())));
        bySource.put("~all", s.partiesByType().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> (long) e.getValue(), Long::sum, () -> new java.util.EnumMap<>(PartyType.class))));
        bySource.forEach((source, counts) -> out.printf(Locale.ROOT, "  %-10s %,9d %,13d %,9d %,9d %,9d %,9d%n",
                source.equals("~all") ? "all" : source, counts.getOrDefault(PartyType.INDIVIDUAL, 0L), counts.getOrDefault(PartyType.ORGANIZATION, 0L),
                counts.getOrDefault(PartyType.VESSEL, 0L), counts.getOrDefault(PartyType.AIRCRAFT, 0L),
                counts.getOrDefault(PartyType.UNKNOWN, 0L),
                counts.values().stream().mapToLong(Long::longValue).sum()));
        out.println();
        out.println("Parties by authority");
        s.partiesByAuthority().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf(Locale.ROOT, "  %-28s %,8d%n", e.getKey(), e.getValue()));
        out.println();
        out.println("Parties by program");
        s.partiesByProgram().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(a -> {
            out.println("  " + a.getKey());
            a.getValue().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(p -> out.printf(Locale.ROOT, "    %-50s %,8d%n", p.getKey(), p.getValue()));
        });
    }

    static void party(Party p, List<PartyLink> links, List<Party> linked, SnapshotInfo snapshot, PrintWriter out) {
        out.printf(Locale.ROOT, "%s  %s  (%s)   snapshot %d%n", p.id(), p.primaryName(), p.type().cliName(),
                snapshot.id());
        out.println();
        out.println("Names");
        for (PartyName n : p.names()) {
            out.printf(Locale.ROOT, "  %-15s %-6s %-4s  %s%s%n", n.kind().name().toLowerCase(Locale.ROOT),
                    n.quality().name().toLowerCase(Locale.ROOT), n.script(), n.fullName(),
                    n.familyName() != null ? "   [family: " + n.familyName() + ", given: " + n.givenName() + "]" : "");
        }
        section(out, "Dates of birth", p.datesOfBirth().stream().map(RegistryPrinter::date).toList());
        section(out, "Places of birth", p.placesOfBirth());
        section(out, "Nationalities", p.nationalities());
        section(out, "Citizenships", p.citizenships());
        section(out, "Gender", p.gender() == null ? List.of() : List.of(p.gender()));
        section(out, "Titles", p.titles());
        section(out, "Addresses", p.addresses().stream().map(RegistryPrinter::address).toList());
        section(out, "Identifiers", p.identifiers().stream().map(RegistryPrinter::identifier).toList());
        section(out, "Relations", p.relations().stream().map(RegistryPrinter::relation).toList());
        section(out, "Remarks", p.remarks());
        section(out, "Same party on other lists", links.stream()
                .sorted(Comparator.comparing(PartyLink::linkedPartyId))
                .map(l -> l.linkedPartyId() + "  (" + l.reason() + ")").toList());
        out.println();
        out.println("Designations");
        int n = 1;
        for (Designation d : p.designations()) {
            designation(n++, d, snapshot, out);
        }
        for (Party other : linked) {
            out.println();
            out.printf(Locale.ROOT, "Designations of linked entry %s  %s%n", other.id(), other.primaryName());
            for (Designation d : other.designations()) {
                designation(n++, d, snapshot, out);
            }
        }
    }

    private static void designation(int n, Designation d, SnapshotInfo snapshot, PrintWriter out) {
        out.printf(Locale.ROOT, "  [%d] %s, %s%n", n, d.authority(), d.listName());
        out.printf(Locale.ROOT, "      program:     %s%n", orNotStated(d.program()));
        out.printf(Locale.ROOT, "      legal basis: %s%n", orNotStated(d.legalBasis()));
        out.printf(Locale.ROOT, "      listed on:   %s%n", d.listedOn() == null ? "not stated by the source"
                : d.listedOn().toString());
        out.printf(Locale.ROOT, "      reference:   %s%n", d.sourceReference());
        if (d.url() != null) {
            out.printf(Locale.ROOT, "      url:         %s%n", d.url());
        }
        snapshot.sources().stream().map(SnapshotSource::source)
                .filter(s -> s.sourceType().equals(d.sourceType())).findFirst().ifPresent(s -> {
                    SourceFile f = fileOf(d, s);
                    // a notice file is its own publication: its date is the listing date above
                    String published = "notices".equals(s.sourceType()) ? "" : ", published " + (s.publicationDate() == null ? "not stated" : s.publicationDate());
                    out.printf(Locale.ROOT, "      source file: %s (%s)%s, sha256 %s%n", f == null ? "-" : f.name(),
                            s.sourceType(), published, f == null ? "-" : f.sha256());
                });
    }

    /**
     * The file a designation came from: for a source of several independent files (designation notices, each
     * named after its notice id) the file named after the designation's reference, else the source's main file.
     */
    static SourceFile fileOf(Designation d, ListSource s) {
        return s.files().stream().filter(f -> f.name().startsWith(d.sourceReference() + "-")
                || f.name().startsWith(d.sourceReference() + ".")).findFirst().orElse(s.mainFile());
    }

    static void diff(SnapshotDiff d, int limit, PrintWriter out) {
        out.printf(Locale.ROOT, "Snapshot %d -> %d: %,d added, %,d removed, %,d changed%n", d.fromSnapshotId(),
                d.toSnapshotId(), d.added().size(), d.removed().size(), d.changed().size());
        diffSection(out, "Added", d.added(), limit, false);
        diffSection(out, "Removed", d.removed(), limit, false);
        diffSection(out, "Changed", d.changed(), limit, true);
    }

    private static void diffSection(PrintWriter out, String title, List<PartyChange> changes, int limit,
            boolean details) {
        if (changes.isEmpty()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "%s (%,d)%n", title, changes.size());
        int shown = limit <= 0 ? changes.size() : Math.min(limit, changes.size());
        for (PartyChange c : changes.subList(0, shown)) {
            out.printf(Locale.ROOT, "  %-16s %-13s %s%n", c.partyId(), c.type().cliName(), c.primaryName());
            if (details) {
                c.changes().forEach(line -> out.println("      " + line));
            }
        }
        if (shown < changes.size()) {
            out.printf(Locale.ROOT, "  ... and %,d more (use --limit 0 to list all)%n", changes.size() - shown);
        }
    }

    private static void section(PrintWriter out, String title, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        values.forEach(v -> out.println("  " + v));
    }

    private static String date(PartialDate d) {
        return d.iso() + " (" + d.precision().name().toLowerCase(Locale.ROOT) + ")"
                + (d.text() != null && !d.text().equals(d.iso()) ? "  as published: " + d.text() : "");
    }

    private static String address(Address a) {
        return a.text() + (a.countryCode() != null ? "  [" + a.countryCode() + "]" : "");
    }

    private static String identifier(Identifier id) {
        return Stream.of(id.type().name().toLowerCase(Locale.ROOT).replace('_', ' '), id.value(),
                id.issuingCountry() == null ? null : "(" + id.issuingCountry() + ")",
                id.countryCode() == null ? null : "[" + id.countryCode() + "]",
                id.label() == null ? null : "label: " + id.label(), id.note())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
    }

    private static String relation(Relation r) {
        return r.kind() + ": " + r.targetName() + (r.targetPartyId() == null ? "" : " (" + r.targetPartyId() + ")");
    }

    private static String orNotStated(String s) {
        return s == null || s.isBlank() ? "not stated by the source" : s;
    }

}
