package io.vigil.registry.match.normalize;

/**
 * Test-only owner class for loading the normalization tables of this package with
 * {@link io.vigil.registry.model.ReferenceData#rows}: resources resolve relative to the package, and the test and
 * main classpaths merge, so {@code rows(DataAnchor.class, "korean-syllables.tsv", 3)} reads the main resource.
 */
final class DataAnchor {

    private DataAnchor() {
    }
}
