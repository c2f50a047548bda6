package io.vigil.registry.imports;

import io.vigil.registry.link.PartyLinker;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.model.Party;
import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.ListParser;
import io.vigil.registry.source.ParsedList;
import io.vigil.registry.store.SnapshotContent;
import io.vigil.registry.store.SnapshotStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports lists into a new snapshot: all-or-nothing.
 *
 * <ol>
 *   <li>every source type is looked up first (an unknown type fails before anything is parsed);</li>
 *   <li>every source is parsed; the first {@link ListParseException} propagates unchanged;</li>
 *   <li>party ids must be unique within a source, else {@link ImportRejectedException}; an id shared by two
 *       sources is one entry with both sources' designations;</li>
 *   <li>every source must look like a whole list ({@link PlausibilityChecks}), else
 *       {@link ImportRejectedException} naming the evidence;</li>
 *   <li>entries are linked ({@link PartyLinker}) and one snapshot is saved and made ACTIVE.</li>
 * </ol>
 * Any failure after the source types were resolved is recorded with its message in the store's import-failure log
 * (outside the snapshot transaction) and rethrown; the previously ACTIVE snapshot stays active.
 *
 * <p>Example: {@code importer.importSources(List.of(new SourceRequest("un-xml", Path.of("un.xml"))))} →
 * {@code ImportResult(snapshotId=2, sources=[(un-xml, un.xml, 1003, [])], partyCount=1003, linkCount=0, …)}.
 */
public final class RegistryImporter {

    private final ListParserRegistry parsers;
    private final SnapshotStore store;
    private final PartyLinker linker;

    public RegistryImporter(ListParserRegistry parsers, SnapshotStore store, PartyLinker linker) {
        this.parsers = Objects.requireNonNull(parsers, "parsers");
        this.store = Objects.requireNonNull(store, "store");
        this.linker = Objects.requireNonNull(linker, "linker");
    }

    /** An importer with the default {@link PartyLinker}. */
    public RegistryImporter(ListParserRegistry parsers, SnapshotStore store) {
        this(parsers, store, new PartyLinker());
    }

    /**
     * Parses, links and saves the given sources as one new ACTIVE snapshot.
     *
     * @throws IllegalArgumentException when the list is empty or names an unknown source type
     * @throws ListParseException when a source cannot be parsed (nothing written)
     * @throws ImportRejectedException when two entries share a party id (nothing written)
     * @throws io.vigil.registry.store.RegistryStoreException when the database fails (nothing written)
     */
    public ImportResult importSources(List<SourceRequest> requests) throws ListParseException {
        return importSources(requests, Map.of());
    }

    /**
     * As {@link #importSources(List)}, but a request found in {@code alreadyParsed} is not parsed again: its
     * {@link ParsedList} is used as it is (e.g. the result of validating a download before it replaced the last good
     * copy).
     */
    public ImportResult importSources(List<SourceRequest> requests, Map<SourceRequest, ParsedList> alreadyParsed)
            throws ListParseException {
        return importSources(requests, alreadyParsed, ImportOptions.DEFAULTS);
    }

    /**
     * As {@link #importSources(List, Map)}, with the administrator's options (e.g. {@code --allow-shrink}).
     *
     * @throws ImportRejectedException also when a source fails a plausibility check ({@link PlausibilityChecks}:
     *     a sharp drop in entries against the active snapshot, many orphan rows, a missing end marker)
     */
    public ImportResult importSources(List<SourceRequest> requests, Map<SourceRequest, ParsedList> alreadyParsed,
            ImportOptions options) throws ListParseException {
        if (requests == null || requests.isEmpty()) {
            throw new IllegalArgumentException("no sources to import");
        }
        List<ListParser> resolved = new ArrayList<>();
        for (SourceRequest r : requests) {
            resolved.add(parsers.require(r.sourceType()));
        }
        try {
            return run(requests, resolved, Map.copyOf(alreadyParsed), options);
        } catch (ListParseException | RuntimeException e) {
            String message = "import of " + requests + " failed: " + e.getMessage();
            try {
                store.recordFailedImport(message);
            } catch (RuntimeException logFailure) {
                e.addSuppressed(logFailure);
            }
            throw e;
        }
    }

    private ImportResult run(List<SourceRequest> requests, List<ListParser> resolved,
            Map<SourceRequest, ParsedList> alreadyParsed, ImportOptions options) throws ListParseException {
        long t0 = System.nanoTime();
        List<ParsedList> parsed = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ParsedList list = alreadyParsed.get(requests.get(i));
            if (list == null) {
                list = resolved.get(i).parse(requests.get(i).path());
            }
            if (list == null) {
                throw new IllegalStateException("parser for " + requests.get(i).sourceType() + " returned nothing");
            }
            parsed.add(list);
        }
        long t1 = System.nanoTime();
        parsed = mergeDuplicates(requests, parsed);
        List<String> overrides = PlausibilityChecks.check(requests, parsed, store.active(), options);
        List<Party> all = new ArrayList<>();
        parsed.forEach(p -> all.addAll(p.parties()));
        PartyLinks links = linker.link(all);
        long t2 = System.nanoTime();
        String note = "import " + requests + (overrides.isEmpty() ? "" : "; " + String.join("; ", overrides));
        long snapshotId = store.save(new SnapshotContent(parsed, links, note));
        long t3 = System.nanoTime();
        List<ImportResult.SourceCount> counts = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            counts.add(new ImportResult.SourceCount(requests.get(i).sourceType(), requests.get(i).path().toString(),
                    parsed.get(i).entriesRead(), parsed.get(i).warnings()));
        }
        return new ImportResult(snapshotId, counts, all.size(), links.size(), Duration.ofNanos(t1 - t0),
                Duration.ofNanos(t2 - t1), Duration.ofNanos(t3 - t2), overrides);
    }

    /**
     * An entry id carried by two sources (OFAC's SDN and non-SDN lists share their entry numbers, and an entry can
     * appear on both) is one list entry: the first source's entry is kept, the later source's designations that it
     * does not already carry are added to it, the later copy is dropped, and the later source gets a warning naming
     * the id. The same id twice inside one source is still refused.
     */
    static List<ParsedList> mergeDuplicates(List<SourceRequest> requests, List<ParsedList> parsed) {
        Map<String, Integer> owner = new HashMap<>();
        Map<String, Party> merged = new HashMap<>();
        List<List<String>> warnings = new ArrayList<>();
        List<java.util.Set<String>> dropped = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            warnings.add(new ArrayList<>(parsed.get(i).warnings()));
            dropped.add(new java.util.HashSet<>());
            java.util.Set<String> seenHere = new java.util.HashSet<>();
            for (Party p : parsed.get(i).parties()) {
                if (!seenHere.add(p.id())) {
                    throw new ImportRejectedException("duplicate party id " + p.id() + ": in "
                            + describe(requests.get(i)) + " twice");
                }
                Integer previous = owner.putIfAbsent(p.id(), i);
                if (previous == null) {
                    continue;
                }
                Party first = merged.getOrDefault(p.id(), find(parsed.get(previous), p.id()));
                List<io.vigil.registry.model.Designation> designations = new ArrayList<>(first.designations());
                p.designations().stream().filter(d -> !designations.contains(d)).forEach(designations::add);
                merged.put(p.id(), new Party(first.id(), first.type(), first.names(), first.datesOfBirth(),
                        first.placesOfBirth(), first.nationalities(), first.citizenships(), first.addresses(),
                        first.identifiers(), first.gender(), first.titles(), first.relations(), first.remarks(),
                        designations));
                dropped.get(i).add(p.id());
                warnings.get(i).add(p.id() + " is also in " + describe(requests.get(previous)) + ": that entry is kept "
                        + "and this source's designations are added to it");
            }
        }
        if (merged.isEmpty()) {
            return parsed;
        }
        List<ParsedList> out = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            java.util.Set<String> drop = dropped.get(i);
            List<Party> parties = new ArrayList<>();
            for (Party p : parsed.get(i).parties()) {
                if (drop.contains(p.id())) {
                    continue;
                }
                parties.add(owner.get(p.id()) == i ? merged.getOrDefault(p.id(), p) : p);
            }
            out.add(parsed.get(i).with(parties, warnings.get(i)));
        }
        return out;
    }

    private static Party find(ParsedList list, String id) {
        return list.parties().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static String describe(SourceRequest r) {
        return r.sourceType() + " (" + r.path() + ")";
    }
}
