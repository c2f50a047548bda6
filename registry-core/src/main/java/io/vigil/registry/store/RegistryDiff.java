package io.vigil.registry.store;

import io.vigil.registry.model.Party;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Compares two snapshots: added, removed and changed party ids (changed = same id, different content hash), each
 * with its primary name; changed ones with a short field-level summary. Only the changed parties' content is read,
 * so diffing two 15,000-party snapshots takes well under two seconds on H2.
 *
 * <p>Example: {@code new RegistryDiff(store).diff(1, 2).changed()} →
 * {@code [PartyChange(ofac:43598, INDIVIDUAL, "CHOE, Chol Min", ["dates of birth: +1978-04-03, -1978"])]}.
 */
public final class RegistryDiff {

    private final SnapshotStore store;

    public RegistryDiff(SnapshotStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The changes from snapshot {@code from} to snapshot {@code to}.
     *
     * @throws java.util.NoSuchElementException when either snapshot does not exist
     */
    public SnapshotDiff diff(long from, long to) {
        Map<String, PartyEntry> before = byId(store.entries(from));
        Map<String, PartyEntry> after = byId(store.entries(to));
        List<PartyChange> added = new ArrayList<>();
        List<PartyChange> removed = new ArrayList<>();
        List<String> changedIds = new ArrayList<>();
        int unchanged = 0;
        for (PartyEntry e : after.values()) {
            PartyEntry old = before.get(e.partyId());
            if (old == null) {
                added.add(new PartyChange(e.partyId(), e.type(), e.primaryName(), List.of()));
            } else if (!old.contentHash().equals(e.contentHash())) {
                changedIds.add(e.partyId());
            } else {
                unchanged++;
            }
        }
        for (PartyEntry e : before.values()) {
            if (!after.containsKey(e.partyId())) {
                removed.add(new PartyChange(e.partyId(), e.type(), e.primaryName(), List.of()));
            }
        }
        Map<String, Party> oldParties = index(store.parties(from, changedIds));
        Map<String, Party> newParties = index(store.parties(to, changedIds));
        List<PartyChange> changed = new ArrayList<>();
        for (String id : changedIds) {
            Party a = oldParties.get(id);
            Party b = newParties.get(id);
            changed.add(new PartyChange(id, b.type(), b.primaryName(), PartyDiffer.changes(a, b)));
        }
        return new SnapshotDiff(from, to, added, removed, changed, unchanged);
    }

    /**
     * The same comparison over two in-memory party lists (no store; snapshot ids in the result are 0). Parties
     * compare by record equality.
     */
    public static SnapshotDiff compare(Collection<Party> before, Collection<Party> after) {
        Map<String, Party> a = index(before);
        Map<String, Party> b = index(after);
        List<PartyChange> added = new ArrayList<>();
        List<PartyChange> removed = new ArrayList<>();
        List<PartyChange> changed = new ArrayList<>();
        int unchanged = 0;
        for (Party p : sorted(b.values(), Party::id)) {
            Party old = a.get(p.id());
            if (old == null) {
                added.add(new PartyChange(p.id(), p.type(), p.primaryName(), List.of()));
            } else if (!old.equals(p)) {
                changed.add(new PartyChange(p.id(), p.type(), p.primaryName(), PartyDiffer.changes(old, p)));
            } else {
                unchanged++;
            }
        }
        for (Party p : sorted(a.values(), Party::id)) {
            if (!b.containsKey(p.id())) {
                removed.add(new PartyChange(p.id(), p.type(), p.primaryName(), List.of()));
            }
        }
        return new SnapshotDiff(0, 0, added, removed, changed, unchanged);
    }

    /** The field-level summary of how one party changed, e.g. {@code ["names: +'KIM Il'"]}; empty when equal. */
    public static List<String> changes(Party before, Party after) {
        return before.equals(after) ? List.of() : PartyDiffer.changes(before, after);
    }

    private static Map<String, PartyEntry> byId(List<PartyEntry> entries) {
        Map<String, PartyEntry> m = new TreeMap<>(PartyIds.NATURAL);
        entries.forEach(e -> m.put(e.partyId(), e));
        return m;
    }

    private static Map<String, Party> index(Collection<Party> parties) {
        Map<String, Party> m = new HashMap<>();
        for (Party p : parties) {
            if (m.put(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate party id " + p.id());
            }
        }
        return m;
    }

    private static <T> List<T> sorted(Collection<T> values, Function<T, String> id) {
        Map<String, T> m = new TreeMap<>(PartyIds.NATURAL);
        values.forEach(v -> m.put(id.apply(v), v));
        return new ArrayList<>(m.values());
    }
}
