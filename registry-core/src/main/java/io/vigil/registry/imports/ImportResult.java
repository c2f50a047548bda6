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
 */
public record ImportResult(long snapshotId, List<SourceCount> sources, int partyCount, int linkCount,
        Duration parseTime, Duration linkTime, Duration saveTime) {

    public ImportResult {
        sources = List.copyOf(sources);
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
     * @param entryCount entries read
     * @param warnings the parser's warnings
     */
    public record SourceCount(String sourceType, String path, int entryCount, List<String> warnings) {
        public SourceCount {
            warnings = List.copyOf(warnings);
        }
    }
}
