package io.vigil.registry.source;

import java.util.List;

/**
 * What a parser saw that tells a complete file from a cut or mismatched one, for the importer's plausibility
 * checks ({@link io.vigil.registry.imports.PlausibilityChecks}). Parsers report facts; the importer decides.
 *
 * <p>Example: an {@code sdn.csv} cut at a row boundary → {@code (dependentRows=36081, orphanRows=15200,
 * orphanExamples=["alt.csv line 9001: ent_num 25001 is not in sdn.csv; row ignored", …],
 * missingEndMarks=["sdn.csv does not end with OFAC's end-of-file mark 0x1A"])}.
 *
 * @param dependentRows rows of the format's secondary files that name an entry of the main file (OFAC's
 *     add.csv, alt.csv and comments rows), 0 when the format has none
 * @param orphanRows those of them whose entry is not in the main file
 * @param orphanExamples the first few orphan rows, as file, line and reason
 * @param missingEndMarks one sentence per file that lacks the end marker its format always has
 */
public record ListIntegrity(int dependentRows, int orphanRows, List<String> orphanExamples,
        List<String> missingEndMarks) {

    /** Nothing to report: the format has no secondary files and no end marker, or all was in order. */
    public static final ListIntegrity NONE = new ListIntegrity(0, 0, List.of(), List.of());

    public ListIntegrity {
        orphanExamples = List.copyOf(orphanExamples);
        missingEndMarks = List.copyOf(missingEndMarks);
        if (orphanRows < 0 || dependentRows < 0 || orphanRows > dependentRows) {
            throw new IllegalArgumentException("orphan rows " + orphanRows + " of " + dependentRows);
        }
    }
}
