package io.vigil.registry.model;

/**
 * How reliable a list says a name is. OFAC marks "weak" a.k.a.s (remarks {@code a.k.a. '…'}, category
 * {@code weak}); the UN marks "Low quality" aliases; the UK marks "Good quality"/"Low quality" aliases.
 */
public enum NameQuality {
    STRONG, WEAK
}
