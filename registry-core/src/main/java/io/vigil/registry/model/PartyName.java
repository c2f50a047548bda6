package io.vigil.registry.model;

import java.util.Objects;

/**
 * One name or alias of a party, as the list published it.
 *
 * @param fullName the whole name as written by the source, e.g. {@code "CHOE, Chol Min"}
 * @param givenName the given name part when the source separates it, else null
 * @param familyName the family name part when the source separates it, else null
 * @param kind primary name or alias kind
 * @param quality strong, or weak/low quality
 * @param script ISO 15924 script code of the name, e.g. {@code Latn}, {@code Hang}, {@code Arab}
 */
public record PartyName(String fullName, String givenName, String familyName, NameKind kind, NameQuality quality,
        String script) {

    public PartyName {
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(quality, "quality");
        if (fullName.isBlank()) {
            throw new IllegalArgumentException("blank name");
        }
        if (script == null) {
            script = Scripts.detect(fullName);
        }
    }

    /** A name with no separate parts, its script detected from its characters. */
    public static PartyName of(String fullName, NameKind kind, NameQuality quality) {
        return new PartyName(fullName.strip(), null, null, kind, quality, null);
    }

    public boolean isPrimary() {
        return kind == NameKind.PRIMARY;
    }
}
