package io.vigil.registry.match;

import io.vigil.registry.match.explain.Explanation;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import java.util.List;

/**
 * One listed party that matched a query: its best-scoring name, the score and decision, and why.
 *
 * @param party the listed party, with its designations (the citations)
 * @param linkedIds the other entries of the same party on other lists, sorted
 * @param matchedName the list name or alias that scored best
 * @param score 0–100
 * @param decision alert or review
 * @param explanation the token pairs and attribute effects behind the score
 */
public record MatchHit(Party party, List<String> linkedIds, PartyName matchedName, double score, Decision decision,
        Explanation explanation) {

    public MatchHit {
        linkedIds = List.copyOf(linkedIds);
    }

    public String partyId() {
        return party.id();
    }
}
