package io.vigil.registry.match.index;

import io.vigil.registry.match.score.ScorableName;
import io.vigil.registry.model.PartyName;

/**
 * One list name (primary name or alias) of a snapshot, normalized and weighted once when the index is built.
 *
 * @param ordinal position in {@link IndexedRegistry#names()}
 * @param partyOrdinal position of its party in {@link IndexedRegistry#parties()}
 * @param name the name as published
 * @param scorable its normalized, weighted tokens
 * @param typeGroup {@link TypeGroup} of its party
 */
public record IndexedName(int ordinal, int partyOrdinal, PartyName name, ScorableName scorable, TypeGroup typeGroup) {
}
