package io.vigil.registry.store;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.model.Party;
import io.vigil.registry.source.ParsedList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one snapshot holds: the parsed lists (in import order), the links between their entries and a note.
 * Party ids must be unique across all lists and every link must name parties of the snapshot.
 *
 * <p>Example: {@code new SnapshotContent(List.of(sdn, un), linker.link(all), "nightly 2024-05-03")}.
 *
 * @param sources the parsed lists
 * @param links links between entries, {@link PartyLinks#empty()} when none
 * @param note free text, or null
 */
public record SnapshotContent(List<ParsedList> sources, PartyLinks links, String note) {

    public SnapshotContent {
        sources = List.copyOf(sources);
        Objects.requireNonNull(links, "links");
        Map<String, String> owner = new HashMap<>();
        for (ParsedList list : sources) {
            for (Party p : list.parties()) {
                String previous = owner.putIfAbsent(p.id(), list.source().sourceType());
                if (previous != null) {
                    throw new IllegalArgumentException("duplicate party id " + p.id() + " in sources " + previous
                            + " and " + list.source().sourceType());
                }
            }
        }
        for (PartyLink l : links.links()) {
            if (!owner.containsKey(l.partyId()) || !owner.containsKey(l.linkedPartyId())) {
                throw new IllegalArgumentException("link " + l.partyId() + " — " + l.linkedPartyId()
                        + " names a party that is not in the snapshot");
            }
        }
    }

    /** Every party of every source, in import order. */
    public List<Party> parties() {
        List<Party> all = new ArrayList<>();
        for (ParsedList list : sources) {
            all.addAll(list.parties());
        }
        return all;
    }
}
