package io.vigil.registry.imports;

/**
 * How an administrator runs one import.
 *
 * @param allowShrink import a source even when it has far fewer entries than the same source type in the active
 *     snapshot (a deliberate shrink, e.g. an authority lifting a programme); the override is recorded in the
 *     snapshot's note. It does not override the other plausibility checks (orphan rows, end markers).
 */
public record ImportOptions(boolean allowShrink) {

    /** The defaults: every plausibility check applies. */
    public static final ImportOptions DEFAULTS = new ImportOptions(false);
}
