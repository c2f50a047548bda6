package io.vigil.registry.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A published list as it was imported: who publishes it, which edition and which files.
 *
 * @param sourceType the importer's type, e.g. {@code ofac-sdn-csv}, {@code un-xml}
 * @param authority who publishes it, e.g. {@code US Treasury OFAC}
 * @param listName the list's name, e.g. {@code Specially Designated Nationals and Blocked Persons List}
 * @param publicationDate the date the file states, or null when the format states none (OFAC's legacy CSV)
 * @param publicationDateNote where the date comes from, e.g. {@code "dateGenerated attribute"}, or why it is absent
 * @param url the official address the list is published at
 * @param files every file read, each with its SHA-256; the first is the main file
 */
public record ListSource(String sourceType, String authority, String listName, LocalDate publicationDate,
        String publicationDateNote, String url, List<SourceFile> files) {

    public ListSource {
        Objects.requireNonNull(sourceType, "sourceType");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(listName, "listName");
        files = List.copyOf(files);
    }

    /** The main file of the source (for a CSV set, the primary table). */
    public SourceFile mainFile() {
        return files.isEmpty() ? null : files.get(0);
    }
}
