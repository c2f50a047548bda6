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
 */
public record ParsedList(ListSource source, List<Party> parties, List<String> warnings) {
    public ParsedList {
        Objects.requireNonNull(source, "source");
        parties = List.copyOf(parties);
        warnings = List.copyOf(warnings);
    }
}
