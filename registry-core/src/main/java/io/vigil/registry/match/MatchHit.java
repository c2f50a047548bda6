package io.vigil.registry.match;

import io.vigil.registry.match.explain.Explanation;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import java.util.ArrayList;
import java.util.List;

/**
 * One listed party that matched a query. Entries linked to each other (the same person on several lists, or a
 * list entry and a designation notice) make one hit: {@code party} is the entry reported, its linked entries ride
 * along, and the score is the best any of them reached.
 *
 * @param party the entry reported: the best-scoring entry of an official list, a notice only when no list entry is
 *     linked
 * @param linkedParties the other entries of the same party, sorted by id
 * @param matchedPartyId the entry whose name scored best ({@code party} or one of the linked entries)
 * @param matchedName that entry's name or alias that scored best
 * @param score 0–100
 * @param decision alert or review
 * @param explanation the token pairs and attribute effects behind the score
 */
public record MatchHit(Party party, List<Party> linkedParties, String matchedPartyId, PartyName matchedName,
        double score, Decision decision, Explanation explanation) {

    /** One designation of the hit's party or of a linked entry, numbered from 1 in {@link #citations()}. */
    public record Citation(int number, String partyId, Designation designation) {
    }

    public MatchHit {
        linkedParties = List.copyOf(linkedParties);
    }

    public String partyId() {
        return party.id();
    }

    /** The ids of the linked entries, sorted. */
    public List<String> linkedIds() {
        return linkedParties.stream().map(Party::id).toList();
    }

    /**
     * Every designation of the party, then of each linked entry (each authority that designated it), numbered
     * from 1 in that order.
     */
    public List<Citation> citations() {
        List<Citation> out = new ArrayList<>();
        for (Designation d : party.designations()) {
            out.add(new Citation(out.size() + 1, party.id(), d));
        }
        for (Party linked : linkedParties) {
            for (Designation d : linked.designations()) {
                out.add(new Citation(out.size() + 1, linked.id(), d));
            }
        }
        return List.copyOf(out);
    }
}
