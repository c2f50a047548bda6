package io.vigil.registry.screen.input;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maps the contract's logical CSV columns to the header names of a file, plus the field delimiter. Logical columns
 * that are not mapped keep their own name. Header names are matched case-insensitively and trimmed.
 *
 * <p>Example: a bank export {@code CustomerID;FullName;BirthDate;Nationality} is read with
 * {@code ColumnMapping.of(COUNTERPARTIES, Map.of("id", "CustomerID", "name", "FullName", "date_of_birth",
 * "BirthDate", "country", "Nationality")).withDelimiter(';')}; {@code header("name")} → {@code "FullName"},
 * {@code header("type")} → {@code "type"} (absent from that file, so not read).
 */
public final class ColumnMapping {

    private final InputKind kind;
    private final Map<String, String> headers;
    private final char delimiter;

    private ColumnMapping(InputKind kind, Map<String, String> headers, char delimiter) {
        this.kind = kind;
        this.headers = headers;
        this.delimiter = delimiter;
    }

    /** The contract layout: every logical column under its own name, comma-delimited. */
    public static ColumnMapping defaults(InputKind kind) {
        return of(kind, Map.of());
    }

    /**
     * A layout mapping some logical columns to other header names, comma-delimited.
     *
     * @throws IllegalArgumentException when a key is not a logical column of {@code kind} or a header is blank
     */
    public static ColumnMapping of(InputKind kind, Map<String, String> logicalToHeader) {
        Objects.requireNonNull(kind, "kind");
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : kind.columns()) {
            m.put(c, c);
        }
        for (Map.Entry<String, String> e : logicalToHeader.entrySet()) {
            if (!m.containsKey(e.getKey())) {
                throw new IllegalArgumentException("'" + e.getKey() + "' is not a " + kind.name()
                        .toLowerCase(java.util.Locale.ROOT) + " column; columns are " + kind.columns());
            }
            if (e.getValue() == null || e.getValue().isBlank()) {
                throw new IllegalArgumentException("column '" + e.getKey() + "' is mapped to a blank header");
            }
            m.put(e.getKey(), e.getValue().strip());
        }
        return new ColumnMapping(kind, Map.copyOf(m), ',');
    }

    /** The same mapping with another field delimiter, e.g. {@code ';'} or {@code '\t'}. */
    public ColumnMapping withDelimiter(char delimiter) {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
        return new ColumnMapping(kind, headers, delimiter);
    }

    public InputKind kind() {
        return kind;
    }

    public char delimiter() {
        return delimiter;
    }

    /** The header name the file uses for {@code logical}. */
    public String header(String logical) {
        String h = headers.get(logical);
        if (h == null) {
            throw new IllegalArgumentException("'" + logical + "' is not a column of " + kind);
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping c && c.kind == kind && c.delimiter == delimiter && c.headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, headers, delimiter);
    }

    @Override
    public String toString() {
        return "ColumnMapping[" + kind + ", delimiter '" + delimiter + "', " + headers + "]";
    }
}
