package io.vigil.registry.model;

import java.util.Objects;

/**
 * One file read during an import.
 *
 * @param name file name (no directory), e.g. {@code sdn.csv}
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param sizeBytes size of the file
 */
public record SourceFile(String name, String sha256, long sizeBytes) {
    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }
}
