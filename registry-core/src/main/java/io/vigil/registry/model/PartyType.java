package io.vigil.registry.model;

import java.util.Locale;

/** The kind of a designated party. */
public enum PartyType {
    INDIVIDUAL, ORGANIZATION, VESSEL, AIRCRAFT, UNKNOWN;

    /**
     * Maps the words the official lists and input files use ("individual", "Entity", "P", "E", "person",
     * "vessel", "aircraft", "organisation") to a type; anything else is {@link #UNKNOWN}.
     */
    public static PartyType fromText(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "individual", "person", "p", "individuals", "natural person" -> INDIVIDUAL;
            case "entity", "organization", "organisation", "company", "e", "entities", "legal person" -> ORGANIZATION;
            case "vessel", "ship", "v" -> VESSEL;
            case "aircraft", "a" -> AIRCRAFT;
            default -> UNKNOWN;
        };
    }

    /** The lower-case word used in the CLI and input files: person, organization, vessel, aircraft. */
    public String cliName() {
        return this == INDIVIDUAL ? "person" : name().toLowerCase(Locale.ROOT);
    }
}
