package io.vigil.registry.source;

import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.Party;
import java.util.List;
import java.util.Objects;

/**
 * Everything one parser read from one source.
 *
 * @param source the list edition and its files with hashes
 * @param parties every entry, in source order
 * @param warnings things the parser noticed but could still read (e.g. orphan comment rows), for the import log
 * @param integrity what tells a complete file from a cut one (orphan rows, end markers), for the importer's
 *     plausibility checks
 * @param entriesRead the entries the parser read from the source: the size of {@code parties}, unless entries
 *     that another source of the same import also carries were merged into that source's entries (the snapshot
 *     records and compares what was read, so two editions of one list imported together keep their own counts)
 */
public record ParsedList(ListSource source, List<Party> parties, List<String> warnings, ListIntegrity integrity,
        int entriesRead) {
    public ParsedList {
        Objects.requireNonNull(source, "source");
        parties = List.copyOf(parties);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(integrity, "integrity");
    }

    /** A list as its parser read it. */
    public ParsedList(ListSource source, List<Party> parties, List<String> warnings, ListIntegrity integrity) {
        this(source, parties, warnings, integrity, parties.size());
    }

    /** A list from a format with nothing to report for the plausibility checks. */
    public ParsedList(ListSource source, List<Party> parties, List<String> warnings) {
        this(source, parties, warnings, ListIntegrity.NONE);
    }

    /** The same list with other parties and warnings (e.g. after entries shared with another source merged). */
    public ParsedList with(List<Party> newParties, List<String> newWarnings) {
        return new ParsedList(source, newParties, newWarnings, integrity, entriesRead);
    }
}
