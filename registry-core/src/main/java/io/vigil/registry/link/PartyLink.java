package io.vigil.registry.link;

import java.util.Objects;

/**
 * A direct link between two entries that describe the same party, with the evidence, e.g.
 * {@code PartyLink("ofac:43598", "un:KPi.066", "UN reference KPi.066")}.
 *
 * @param partyId one entry
 * @param linkedPartyId the other entry (never equal to {@code partyId})
 * @param reason human-readable evidence, e.g. {@code "same passport 108410050 (KP)"}
 */
public record PartyLink(String partyId, String linkedPartyId, String reason) {

    public PartyLink {
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(linkedPartyId, "linkedPartyId");
        Objects.requireNonNull(reason, "reason");
        if (partyId.equals(linkedPartyId)) {
            throw new IllegalArgumentException("a party cannot be linked to itself: " + partyId);
        }
    }

    /** The same link seen from the other end. */
    public PartyLink reversed() {
        return new PartyLink(linkedPartyId, partyId, reason);
    }
}
