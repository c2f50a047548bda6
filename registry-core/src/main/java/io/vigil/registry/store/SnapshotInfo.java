package io.vigil.registry.store;

import io.vigil.registry.model.PartyType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code registry status} shows about one snapshot. Maps are sorted by key and unmodifiable.
 *
 * @param id sequential number, 1 for the first snapshot
 * @param createdAt when it was written (from the store's clock)
 * @param status ACTIVE or SUPERSEDED
 * @param note free text given at import, or null
 * @param partyCount entries in the snapshot
 * @param linkCount direct links between entries
 * @param sources the lists imported, in import order, with entry counts
 * @param partiesByType entries per party type, e.g. {@code {INDIVIDUAL=9000, ORGANIZATION=7000}}
 * @param partiesByAuthority entries designated by each authority, e.g. {@code {US Treasury OFAC=17000}}
 * @param partiesByProgram per authority, entries per program, e.g. {@code {US Treasury OFAC={NPWMD=900, SDGT=…}}}
 */
public record SnapshotInfo(long id, Instant createdAt, SnapshotStatus status, String note, int partyCount,
        int linkCount, List<SnapshotSource> sources, Map<PartyType, Integer> partiesByType,
        Map<String, Integer> partiesByAuthority, Map<String, Map<String, Integer>> partiesByProgram) {

    public SnapshotInfo {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(status, "status");
        sources = List.copyOf(sources);
    }

    /** True when this is the active snapshot. */
    public boolean isActive() {
        return status == SnapshotStatus.ACTIVE;
    }
}
