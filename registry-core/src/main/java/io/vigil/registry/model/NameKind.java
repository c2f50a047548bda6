package io.vigil.registry.model;

/** How a list presents a name: the primary name, or an alias of a given kind. */
public enum NameKind {
    PRIMARY, AKA, FKA, NKA, ORIGINAL_SCRIPT;

    /** Maps "a.k.a.", "aka", "f.k.a.", "nka", "Primary name" and similar list wording; unknown wording is AKA. */
    public static NameKind fromText(String text) {
        if (text == null) {
            return AKA;
        }
        String t = text.replace(".", "").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("primary")) {
            return PRIMARY;
        }
        if (t.equals("fka") || t.startsWith("formerly")) {
            return FKA;
        }
        if (t.equals("nka") || t.startsWith("nowknown")) {
            return NKA;
        }
        return AKA;
    }
}
