package io.vigil.registry.screen;

/**
 * An input row that could not be screened, written to rejects.csv.
 *
 * @param line the 1-based line in the file
 * @param recordId the row's id when it could be read, else empty
 * @param reason why, in plain words: {@code "name is empty"}, {@code "date_of_birth '1978-13-01' is not
 *     YYYY, YYYY-MM or YYYY-MM-DD"}, {@code "expected 6 columns, found 4"}
 */
public record RejectedRecord(long line, String recordId, String reason) {
}
