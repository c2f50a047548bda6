package io.vigil.registry.match.index;

import io.vigil.registry.model.PartyType;

/**
 * The index partitions: a query typed {@code person} is compared with individuals only, a query typed
 * organization, vessel or aircraft with non-individuals only; untyped queries and untyped list entries with all.
 */
public enum TypeGroup {
    PERSON, NON_PERSON, ANY;

    public static TypeGroup of(PartyType type) {
        if (type == null || type == PartyType.UNKNOWN) {
            return ANY;
        }
        return type == PartyType.INDIVIDUAL ? PERSON : NON_PERSON;
    }

    /** True when a name of this group may be compared with a query of group {@code query}. */
    public boolean admits(TypeGroup query) {
        return this == ANY || query == ANY || this == query;
    }
}
