package io.vigil.registry.imports;

/**
 * The parsed lists cannot form a snapshot, e.g. {@code "duplicate party id ofac:123: in ofac-sdn-csv (sdn.csv)
 * and in ofac-cons-csv (cons)"}. Nothing was written.
 */
public class ImportRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportRejectedException(String message) {
        super(message);
    }
}
