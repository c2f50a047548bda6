package io.vigil.registry.screen;

import java.nio.file.Path;

/**
 * An input file that cannot be screened at all: missing, unreadable, empty of a header, of another format, or
 * hostile XML. The message names the file, the line or element when known, and the reason.
 */
public class InputFileException extends RuntimeException {

    private final transient Path file;

    public InputFileException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public InputFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
