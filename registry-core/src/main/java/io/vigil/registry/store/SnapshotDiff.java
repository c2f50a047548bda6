package io.vigil.registry.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What changed between two snapshots; each list is ordered by party id (numbers in ids compared as numbers, so
 * {@code ofac:9} comes before {@code ofac:10}).
 *
 * @param fromSnapshotId the older snapshot (0 when the diff was computed from party lists, not snapshots)
 * @param toSnapshotId the newer snapshot (0 likewise)
 * @param added parties only in the newer snapshot
 * @param removed parties only in the older snapshot
 * @param changed parties in both whose content differs, with a field-level summary
 * @param unchanged number of parties with identical content in both
 */
public record SnapshotDiff(long fromSnapshotId, long toSnapshotId, List<PartyChange> added,
        List<PartyChange> removed, List<PartyChange> changed, int unchanged) {

    public SnapshotDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** True when nothing was added, removed or changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    /** The change of one party, whichever list it is in. */
    public Optional<PartyChange> find(String partyId) {
        for (List<PartyChange> l : List.of(added, removed, changed)) {
            for (PartyChange c : l) {
                if (c.partyId().equals(partyId)) {
                    return Optional.of(c);
                }
            }
        }
        return Optional.empty();
    }

    /** One line, e.g. {@code "snapshot 1 → 2: 12 added, 3 removed, 40 changed, 17001 unchanged"}. */
    public String summary() {
        return String.format(Locale.ROOT, "snapshot %d → %d: %d added, %d removed, %d changed, %d unchanged",
                fromSnapshotId, toSnapshotId, added.size(), removed.size(), changed.size(), unchanged);
    }
}
