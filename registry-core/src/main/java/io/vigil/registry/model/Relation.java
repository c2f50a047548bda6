package io.vigil.registry.model;

/**
 * A relation the source states, e.g. OFAC's {@code Linked To: SECOND ACADEMY OF NATURAL SCIENCES}.
 *
 * @param kind the source's wording, e.g. {@code "Linked To"}
 * @param targetName the related party's name as written
 * @param targetPartyId the related party's id in the same source when known, else null
 */
public record Relation(String kind, String targetName, String targetPartyId) {
}
