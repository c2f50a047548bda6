package io.vigil.registry.store;

/** The registry database failed; the message says which operation, e.g. {@code "saving snapshot 4 failed: …"}. */
public class RegistryStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RegistryStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
