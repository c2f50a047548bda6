package io.vigil.registry.link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The links of one snapshot: direct links with their reasons, and the groups they form (links are transitive).
 * Immutable.
 *
 * <p>Example: direct links {@code ofac:1—un:A} ("UN reference A") and {@code un:A—eu:9} ("same passport 123")
 * give {@code linkedIds("ofac:1") = [eu:9, un:A]} while {@code reasons("ofac:1")} holds only the direct link to
 * {@code un:A}.
 */
public final class PartyLinks {

    private static final PartyLinks EMPTY = new PartyLinks(List.of());

    private final List<PartyLink> links;
    private final Map<String, List<PartyLink>> byParty;
    private final Map<String, List<String>> groups;

    private PartyLinks(List<PartyLink> canonical) {
        this.links = List.copyOf(canonical);
        Map<String, List<PartyLink>> direct = new TreeMap<>();
        Map<String, String> parent = new HashMap<>();
        for (PartyLink l : links) {
            direct.computeIfAbsent(l.partyId(), k -> new ArrayList<>()).add(l);
            direct.computeIfAbsent(l.linkedPartyId(), k -> new ArrayList<>()).add(l.reversed());
            union(parent, l.partyId(), l.linkedPartyId());
        }
        Map<String, List<PartyLink>> frozen = new HashMap<>();
        direct.forEach((id, list) -> {
            list.sort((a, b) -> a.linkedPartyId().compareTo(b.linkedPartyId()));
            frozen.put(id, List.copyOf(list));
        });
        this.byParty = Collections.unmodifiableMap(frozen);
        Map<String, TreeSet<String>> members = new HashMap<>();
        for (String id : parent.keySet()) {
            members.computeIfAbsent(find(parent, id), k -> new TreeSet<>()).add(id);
        }
        Map<String, List<String>> g = new HashMap<>();
        for (TreeSet<String> group : members.values()) {
            List<String> sorted = List.copyOf(group);
            for (String id : group) {
                g.put(id, sorted);
            }
        }
        this.groups = Collections.unmodifiableMap(g);
    }

    /** No links at all. */
    public static PartyLinks empty() {
        return EMPTY;
    }

    /**
     * Builds the links from direct links given in either direction. A pair given twice (in either direction) is
     * kept once, its distinct reasons joined with "; " in the order first given.
     */
    public static PartyLinks of(Collection<PartyLink> directLinks) {
        Map<String, Map<String, LinkedHashSet<String>>> pairs = new TreeMap<>();
        for (PartyLink l : directLinks) {
            boolean forward = l.partyId().compareTo(l.linkedPartyId()) < 0;
            String a = forward ? l.partyId() : l.linkedPartyId();
            String b = forward ? l.linkedPartyId() : l.partyId();
            LinkedHashSet<String> reasons = pairs.computeIfAbsent(a, k -> new TreeMap<>()).computeIfAbsent(b,
                    k -> new LinkedHashSet<>());
            for (String r : l.reason().split("; ")) {
                reasons.add(r);
            }
        }
        if (pairs.isEmpty()) {
            return EMPTY;
        }
        List<PartyLink> canonical = new ArrayList<>();
        pairs.forEach((a, m) -> m.forEach((b, reasons) -> canonical.add(new PartyLink(a, b, String.join("; ",
                reasons)))));
        return new PartyLinks(canonical);
    }

    /**
     * Every entry linked to {@code partyId}, directly or transitively, sorted, without {@code partyId} itself;
     * empty when it has no links.
     */
    public List<String> linkedIds(String partyId) {
        List<String> group = groups.get(partyId);
        if (group == null) {
            return List.of();
        }
        List<String> others = new ArrayList<>(group.size() - 1);
        for (String id : group) {
            if (!id.equals(partyId)) {
                others.add(id);
            }
        }
        return List.copyOf(others);
    }

    /** The direct links of {@code partyId}, each seen from it ({@code partyId()} is always {@code partyId}). */
    public List<PartyLink> reasons(String partyId) {
        return byParty.getOrDefault(partyId, List.of());
    }

    /** Every direct link once, with {@code partyId < linkedPartyId}, sorted. */
    public List<PartyLink> links() {
        return links;
    }

    /** Number of direct links (pairs). */
    public int size() {
        return links.size();
    }

    /**
     * The group key of {@code partyId}: the smallest id of its group, or null when it has no links. Two entries
     * are linked exactly when their keys are equal and not null.
     */
    public String groupKey(String partyId) {
        List<String> group = groups.get(partyId);
        return group == null ? null : group.get(0);
    }

    /** The linked groups (each sorted, two or more ids), sorted by their first id. */
    public List<List<String>> groups() {
        TreeMap<String, List<String>> byFirst = new TreeMap<>();
        for (List<String> g : groups.values()) {
            byFirst.put(g.get(0), g);
        }
        return List.copyOf(byFirst.values());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartyLinks other && links.equals(other.links);
    }

    @Override
    public int hashCode() {
        return links.hashCode();
    }

    @Override
    public String toString() {
        return "PartyLinks" + links;
    }

    private static String find(Map<String, String> parent, String id) {
        String root = id;
        while (true) {
            String p = parent.get(root);
            if (p == null || p.equals(root)) {
                break;
            }
            root = p;
        }
        // path compression
        String cur = id;
        while (!cur.equals(root)) {
            String next = parent.get(cur);
            parent.put(cur, root);
            cur = next;
        }
        return root;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }
}
