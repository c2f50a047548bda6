package io.vigil.registry.store;

import io.vigil.registry.model.PartyType;
import java.util.List;

/**
 * One party added, removed or changed between two snapshots, e.g.
 * {@code ("ofac:43598", INDIVIDUAL, "CHOE, Chol Min", ["names: +'CHOE Chol-min'", "dates of birth: +1978-04-03, -1978"])}.
 *
 * @param partyId the party id
 * @param type the party type (in the newer snapshot when it exists there)
 * @param primaryName the primary name (in the newer snapshot when it exists there)
 * @param changes for a changed party, what changed, one short line per field; empty for added and removed ones
 */
public record PartyChange(String partyId, PartyType type, String primaryName, List<String> changes) {
    public PartyChange {
        changes = List.copyOf(changes);
    }
}
