package io.vigil.registry.source;

import io.vigil.registry.model.SourceFile;
import java.io.IOException;
import java.nio.file.Path;

/** The first step of every single-file parser: check the file and record what was read. */
public final class ListFiles {

    private ListFiles() {
    }

    /**
     * Checks that {@code path} is a readable, non-empty file ({@link SourceFiles#requireNonEmptyFile}) and returns
     * its {@link SourceFile}, e.g. {@code sdn.xml} → {@code SourceFile("sdn.xml", "9f86d0…", 1043)}. An I/O failure
     * while hashing → {@code "sdn.xml: cannot read file: …"}.
     */
    public static SourceFile hash(Path path) throws ListParseException {
        SourceFiles.requireNonEmptyFile(path);
        try {
            return Hashing.sourceFile(path);
        } catch (IOException e) {
            throw new ListParseException(String.valueOf(path.getFileName()), null,
                    "cannot read file: " + e.getMessage(), e);
        }
    }
}
