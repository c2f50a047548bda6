package io.vigil.registry.store;

import io.vigil.registry.model.PartyType;

/**
 * An entry of a snapshot without its full content: what diffs and listings need, e.g.
 * {@code ("ofac:43598", INDIVIDUAL, "CHOE, Chol Min", "9f2c…")}.
 *
 * @param partyId the party id
 * @param type the party type
 * @param primaryName the primary name
 * @param contentHash SHA-256 of the party's canonical JSON; equal hashes mean equal content
 */
public record PartyEntry(String partyId, PartyType type, String primaryName, String contentHash) {
}
