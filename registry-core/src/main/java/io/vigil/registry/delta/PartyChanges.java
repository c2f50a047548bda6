package io.vigil.registry.delta;

import io.vigil.registry.link.PartyLinks;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What changed in the registry between two snapshots, as far as screening can tell: a party is <em>changed</em> when
 * its content or that of any entry linked to it differs (a new alias, a new date of birth, a new designation, a newly
 * linked entry on another list, a linked entry gone), because a hit reports the party with its linked entries and
 * their citations. Every member of a changed link group is changed, so an index of {@link #screenedAgainst()} holds
 * whole groups.
 *
 * <p>Example: the SDN of 2023-12-28 → the SDN of 2024-05-03: about 1,150 parties added and 200 changed.
 *
 * @param baseSnapshot the snapshot screened before
 * @param currentSnapshot the snapshot screened now
 * @param added parties of the current snapshot the base lacks, sorted
 * @param changed parties of both whose own or linked content differs, sorted
 * @param removed parties of the base the current snapshot lacks, sorted
 */
public record PartyChanges(long baseSnapshot, long currentSnapshot, SortedSet<String> added,
        SortedSet<String> changed, SortedSet<String> removed) {

    public PartyChanges {
        added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        changed = Collections.unmodifiableSortedSet(new TreeSet<>(changed));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    }

    /**
     * The changes from one snapshot to another, from each snapshot's party id → content hash map and its links.
     */
    public static PartyChanges between(long baseSnapshot, Map<String, String> baseHashes, PartyLinks baseLinks,
            long currentSnapshot, Map<String, String> currentHashes, PartyLinks currentLinks) {
        SortedSet<String> added = new TreeSet<>();
        SortedSet<String> changed = new TreeSet<>();
        SortedSet<String> removed = new TreeSet<>();
        for (Map.Entry<String, String> e : currentHashes.entrySet()) {
            String id = e.getKey();
            if (!baseHashes.containsKey(id)) {
                added.add(id);
            } else if (!groupContent(id, baseHashes, baseLinks).equals(groupContent(id, currentHashes,
                    currentLinks))) {
                changed.add(id);
            }
        }
        for (String id : baseHashes.keySet()) {
            if (!currentHashes.containsKey(id)) {
                removed.add(id);
            }
        }
        return new PartyChanges(baseSnapshot, currentSnapshot, added, changed, removed);
    }

    /** A party's content and that of its linked entries: {@code id=hash|id=hash…}, ids sorted. */
    private static String groupContent(String id, Map<String, String> hashes, PartyLinks links) {
        SortedSet<String> members = new TreeSet<>(links.linkedIds(id));
        members.add(id);
        StringBuilder sb = new StringBuilder();
        for (String m : members) {
            sb.append(m).append('=').append(Objects.requireNonNullElse(hashes.get(m), "")).append('|');
        }
        return sb.toString();
    }

    /** The parties an unchanged record is screened against: added and changed, sorted. */
    public SortedSet<String> screenedAgainst() {
        SortedSet<String> s = new TreeSet<>(added);
        s.addAll(changed);
        return Collections.unmodifiableSortedSet(s);
    }

    /** Whether a hit on this party may differ from one against the base snapshot. */
    public boolean touches(String partyId) {
        return added.contains(partyId) || changed.contains(partyId) || removed.contains(partyId);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    /** {@code 1,150 added, 201 changed, 12 removed}. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d added, %,d changed, %,d removed", added.size(),
                changed.size(), removed.size());
    }
}
