package io.vigil.registry.screen;

import java.util.List;
import java.util.Objects;

/**
 * One record of an input file (a counterparty row, a transaction row, a pacs.008 {@code CdtTrfTxInf}) with every
 * value to screen.
 *
 * @param line the 1-based line of the record in the file (for XML, the line where the record starts)
 * @param recordId the record's own id ({@code id} column, {@code TxId} or {@code EndToEndId})
 * @param values the values to screen, in field order
 */
public record InputRecord(long line, String recordId, List<ScreenedValue> values) {

    public InputRecord {
        Objects.requireNonNull(recordId, "recordId");
        values = List.copyOf(values);
    }
}
