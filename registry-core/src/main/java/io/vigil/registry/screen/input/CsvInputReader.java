package io.vigil.registry.screen.input;

import io.vigil.registry.screen.InputFileException;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import io.vigil.registry.screen.RejectedRecord;
import io.vigil.registry.source.SourceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV input file: RFC 4180 quoting, {@code \n} or {@code \r\n}, a header row, blank lines skipped. Each
 * data row becomes an item through a {@link RowReader}; a row with the wrong number of fields is rejected.
 * {@link InputItem#line()} is the physical line where the row starts (the header is line 1).
 */
final class CsvInputReader implements InputReader {

    /** Turns one data row into an item. */
    interface RowReader {
        InputItem read(long line, Row row);
    }

    /** A data row seen through the column mapping. */
    static final class Row {
        private final CSVRecord record;
        private final Map<String, Integer> index;

        Row(CSVRecord record, Map<String, Integer> index) {
            this.record = record;
            this.index = index;
        }

        /** The stripped value of a logical column, or "" when the file has no such column. */
        String get(String logical) {
            Integer i = index.get(logical);
            if (i == null || i >= record.size()) {
                return "";
            }
            String v = record.get(i);
            return v == null ? "" : v.strip();
        }
    }

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final RowReader rows;
    private final Map<String, Integer> index;
    private final int columns;
    private boolean done;

    private CsvInputReader(Path file, CSVParser parser, RowReader rows, Map<String, Integer> index, int columns,
            boolean done) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
        this.rows = rows;
        this.index = index;
        this.columns = columns;
        this.done = done;
    }

    static InputReader open(Path file, Charset charset, ColumnMapping mapping, RowReader rows) {
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        if (utf8) {
            Utf8Check.require(file);
        }
        CSVParser parser = null;
        try {
            InputStream in = utf8 ? SourceFiles.openSkippingBom(file) : Files.newInputStream(file);
            var decoder = charset.newDecoder();
            if (utf8) {
                decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            } else {
                decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            }
            Reader reader = new InputStreamReader(in, decoder);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(mapping.delimiter())
                    .setIgnoreEmptyLines(false).get();
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            Iterator<CSVRecord> it = parser.iterator();
            CSVRecord header = null;
            long headerLine = 1;
            while (true) {
                long before = parser.getCurrentLineNumber();
                headerLine = before + 1;
                CSVRecord r = nextOrNull(file, it, before);
                if (r == null) {
                    break;
                }
                if (!isBlank(r)) {
                    header = r;
                    break;
                }
            }
            if (header == null) {
                return new CsvInputReader(file, parser, rows, Map.of(), 0, true);
            }
            Map<String, Integer> index = resolve(file, header, headerLine, mapping);
            return new CsvInputReader(file, parser, rows, index, header.size(), false);
        } catch (IOException e) {
            closeQuietly(parser);
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(parser);
            throw e;
        }
    }

    private static Map<String, Integer> resolve(Path file, CSVRecord header, long headerLine, ColumnMapping mapping) {
        Map<String, Integer> byName = new HashMap<>();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).replace("\uFEFF", "").strip();
            found.add(h);
            byName.putIfAbsent(h.toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> missing = new ArrayList<>();
        InputKind kind = mapping.kind();
        for (String logical : kind.columns()) {
            String h = mapping.header(logical);
            Integer i = byName.get(h.toLowerCase(Locale.ROOT));
            if (i != null) {
                index.put(logical, i);
            } else if (kind.required().contains(logical)) {
                missing.add(h.equals(logical) ? logical : h + " (" + logical + ")");
            }
        }
        if (!missing.isEmpty()) {
            String headerText = String.join(String.valueOf(mapping.delimiter()), found);
            String hint = "";
            if (found.size() == 1) {
                for (char d : new char[] {';', ',', '\t', '|'}) {
                    if (d != mapping.delimiter() && found.get(0).indexOf(d) >= 0) {
                        hint = " (is the delimiter '" + (d == '\t' ? "\\t" : String.valueOf(d)) + "'?)";
                        break;
                    }
                }
            }
            throw new InputFileException(file, "header at line " + headerLine + " lacks required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + "; header found: " + headerText + hint);
        }
        return Map.copyOf(index);
    }

    @Override
    public InputItem next() throws IOException {
        while (!done) {
            long line = parser.getCurrentLineNumber() + 1;
            CSVRecord r = nextOrNull(file, records, line - 1);
            if (r == null) {
                done = true;
                return null;
            }
            if (isBlank(r)) {
                continue;
            }
            if (r.size() != columns) {
                Integer idIndex = index.get("id");
                String id = idIndex != null && idIndex < r.size() ? r.get(idIndex).strip() : "";
                return new InputItem.Rejected(new RejectedRecord(line, id,
                        "expected " + columns + " columns, found " + r.size()));
            }
            return rows.read(line, new Row(r, index));
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        done = true;
        parser.close();
    }

    private static CSVRecord nextOrNull(Path file, Iterator<CSVRecord> it, long linesBefore) {
        try {
            return it.next();
        } catch (NoSuchElementException e) {
            return null;
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            if (cause instanceof java.nio.charset.CharacterCodingException) {
                throw new InputFileException(file, "not valid " + "text in its encoding after line " + linesBefore,
                        cause);
            }
            throw new InputFileException(file, "malformed CSV in the record starting at line " + (linesBefore + 1)
                    + ": " + cause.getMessage(), cause);
        } catch (IllegalStateException e) {
            throw new InputFileException(file, "malformed CSV in the record starting at line " + (linesBefore + 1)
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean isBlank(CSVRecord r) {
        return r.size() == 1 && r.get(0).isBlank();
    }

    private static void closeQuietly(CSVParser p) {
        if (p != null) {
            try {
                p.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
