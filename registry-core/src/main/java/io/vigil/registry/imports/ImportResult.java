package io.vigil.registry.imports;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a successful import, e.g. {@code (snapshotId=4, sources=[(ofac-sdn-csv, 17000, [])], partyCount=17000,
 * linkCount=0, …)}.
 *
 * @param snapshotId the new ACTIVE snapshot
 * @param sources per source, in request order: entries read and parser warnings
 * @param partyCount entries in the snapshot
 * @param linkCount direct links found between entries
 * @param parseTime time spent parsing all sources
 * @param linkTime time spent linking
 * @param saveTime time spent writing the snapshot
 * @param overrides plausibility checks overridden by the administrator (e.g. {@code --allow-shrink: …}), as
 *     recorded in the snapshot note; empty when none
 */
public record ImportResult(long snapshotId, List<SourceCount> sources, int partyCount, int linkCount,
        Duration parseTime, Duration linkTime, Duration saveTime, List<String> overrides) {

    public ImportResult {
        sources = List.copyOf(sources);
        overrides = List.copyOf(overrides);
    }

    /** A result with no override. */
    public ImportResult(long snapshotId, List<SourceCount> sources, int partyCount, int linkCount,
            Duration parseTime, Duration linkTime, Duration saveTime) {
        this(snapshotId, sources, partyCount, linkCount, parseTime, linkTime, saveTime, List.of());
    }

    /** Total time. */
    public Duration totalTime() {
        return parseTime.plus(linkTime).plus(saveTime);
    }

    /**
     * Entries read from one source.
     *
     * @param sourceType the source type
     * @param path what was parsed
     * @param entryCount entries read from the source (entries also carried by an earlier source of the import are
     *     merged into that source's entry, and named in the warnings)
     * @param warnings the parser's warnings
     */
    public record SourceCount(String sourceType, String path, int entryCount, List<String> warnings) {
        public SourceCount {
            warnings = List.copyOf(warnings);
        }
    }
}
