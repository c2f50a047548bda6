package io.vigil.registry.store;

import io.vigil.registry.model.ListSource;
import java.util.Objects;

/**
 * One list imported into a snapshot, with the number of entries read from it, e.g.
 * {@code (ListSource(ofac-sdn-csv, US Treasury OFAC, …, files=[sdn.csv…]), 17000)}.
 *
 * @param source the list edition and its files with their SHA-256
 * @param entryCount entries (parties) read from it
 */
public record SnapshotSource(ListSource source, int entryCount) {
    public SnapshotSource {
        Objects.requireNonNull(source, "source");
    }
}
