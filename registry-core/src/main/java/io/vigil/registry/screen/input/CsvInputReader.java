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
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams a CSV input file: RFC 4180 quoting, {@code \n}, {@code \r\n} or {@code \r}, a header row, blank lines
 * skipped. Each data row becomes an item through a {@link RowReader}; a row with the wrong number of fields is
 * rejected. {@link InputItem#line()} is the physical line where the row starts (the header is line 1).
 *
 * <p>One bad row costs only itself. The rules, with the {@link InputLimits}:
 * <ul>
 *   <li>A quoted field may hold line breaks, but a record may span at most {@code maxQuotedLines} physical lines
 *       and {@code maxRecordChars} characters. A quote still open past either limit, or at the end of the file, is
 *       taken as unterminated: the record is rejected with the line where it starts, and reading goes back to the
 *       line after that one and resumes at the first line that parses as a record (the right number of fields,
 *       every quote closed within the limits); the lines in between are named in the rejection. A record spanning
 *       several lines that is malformed in any other way (a character after a closing quote, the wrong number of
 *       fields) is treated the same way, as it most likely swallowed the rows after an unterminated quote.</li>
 *   <li>A field longer than {@code maxFieldChars} rejects its record; only the first {@code maxFieldChars}
 *       characters of a field, and of a physical line only the first {@code maxRecordChars}, are ever held in
 *       memory.</li>
 *   <li>A record on one line that is malformed (a stray character after a closing quote) is rejected and reading
 *       goes on at the next line.</li>
 * </ul>
 * Example: header, then {@code C-1,A,,,,}, {@code C-2,"Broken,,,,}, {@code C-3,B,,,,} → record C-1 (line 2),
 * rejection of line 3 (id C-2, "quoted field 'name' opened on line 3 is not closed within 20 lines..." or "...
 * before the end of the file"), record C-3 (line 4).
 */
final class CsvInputReader implements InputReader {

    /** Turns one data row into an item. */
    interface RowReader {
        InputItem read(long line, Row row);
    }

    /** A data row seen through the column mapping. */
    static final class Row {
        private final List<String> fields;
        private final Map<String, Integer> index;

        Row(List<String> fields, Map<String, Integer> index) {
            this.fields = fields;
            this.index = index;
        }

        /** The stripped value of a logical column, or "" when the file has no such column. */
        String get(String logical) {
            Integer i = index.get(logical);
            if (i == null || i >= fields.size()) {
                return "";
            }
            String v = fields.get(i);
            return v == null ? "" : v.strip();
        }
    }

    private final Path file;
    private final Lines lines;
    private final RowReader rows;
    private final Map<String, Integer> index;
    private final List<String> headerNames;
    private final int columns;
    private final char delimiter;
    private final InputLimits limits;
    /** A record found while resynchronising, returned after the rejection that preceded it. */
    private Parsed held;
    private boolean done;

    private CsvInputReader(Path file, Lines lines, RowReader rows, Map<String, Integer> index,
            List<String> headerNames, char delimiter, InputLimits limits, boolean done) {
        this.file = file;
        this.lines = lines;
        this.rows = rows;
        this.index = index;
        this.headerNames = headerNames;
        this.columns = headerNames.size();
        this.delimiter = delimiter;
        this.limits = limits;
        this.done = done;
    }

    static InputReader open(Path file, Charset charset, ColumnMapping mapping, RowReader rows) {
        return open(file, charset, mapping, rows, InputLimits.defaults());
    }

    static InputReader open(Path file, Charset charset, ColumnMapping mapping, RowReader rows, InputLimits limits) {
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        if (utf8) {
            Utf8Check.require(file);
        }
        InputStream in;
        try {
            in = utf8 ? SourceFiles.openSkippingBom(file) : Files.newInputStream(file);
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
        return open(file, in, 0, charset, mapping, rows, limits);
    }

    /**
     * Reads {@code in}, the bytes of {@code file} or a slice of them behind the file's header (see {@link
     * InputSlices}), numbering its physical lines from {@code lineOffset + 1}. A UTF-8 stream is not checked whole
     * first: the caller has checked the file.
     */
    static InputReader open(Path file, InputStream in, long lineOffset, Charset charset, ColumnMapping mapping,
            RowReader rows, InputLimits limits) {
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        Reader reader = null;
        try {
            var decoder = charset.newDecoder();
            if (utf8) {
                decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            } else {
                decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            }
            reader = new InputStreamReader(in, decoder);
            Lines lines = new Lines(reader, limits.maxRecordChars());
            lines.read = lineOffset;
            CsvInputReader r = new CsvInputReader(file, lines, rows, Map.of(), List.of(), mapping.delimiter(),
                    limits, true);
            Line first;
            while ((first = r.nextLine()) != null && first.isBlank()) {
                // blank lines before the header
            }
            if (first == null) {
                return r;
            }
            Parsed header = r.parse(first);
            if (header.problem != null) {
                throw new InputFileException(file, "malformed CSV header at line " + first.number() + ": "
                        + header.problem);
            }
            List<String> names = new ArrayList<>();
            for (String h : header.fields) {
                names.add(h.replace("\uFEFF", "").strip());
            }
            Map<String, Integer> index = resolve(file, names, first.number(), mapping);
            return new CsvInputReader(file, lines, rows, index, List.copyOf(names), mapping.delimiter(), limits,
                    false);
        } catch (RuntimeException e) {
            if (reader != null) {
                closeQuietly(reader);
            } else {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
            throw e;
        }
    }

    private static Map<String, Integer> resolve(Path file, List<String> header, long headerLine, ColumnMapping mapping) {
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
            throw new InputFileException(file, "header at line " + headerLine + " lacks required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; header found: " + headerText
                    + hint);
        }
        return Map.copyOf(index);
    }

    @Override
    public InputItem next() throws IOException {
        if (held != null) {
            Parsed p = held;
            held = null;
            return rows.read(p.line, new Row(p.fields, index));
        }
        while (!done) {
            Line first = nextLine();
            if (first == null) {
                done = true;
                return null;
            }
            if (first.isBlank()) {
                continue;
            }
            Parsed p = parse(first);
            if (p.problem == null && p.fields.size() == columns) {
                return rows.read(p.line, new Row(p.fields, index));
            }
            String problem = p.problem != null ? p.problem
                    : "expected " + columns + " columns, found " + p.fields.size();
            if (p.more.isEmpty()) {
                // on one line: only this line is lost
                return reject(p, problem);
            }
            // a record over several lines went wrong: most likely an unterminated quote that swallowed the rows
            // after it. Go back to the line after its start and resume at the first line that parses as a record.
            if (!problem.contains("unterminated quote")) {
                problem = "quoted field " + p.spanning + " opened on line " + p.line + " runs on to line "
                        + p.more.get(p.more.size() - 1).number() + " into a malformed record (unterminated quote?): "
                        + problem;
            }
            lines.pushBack(p.more);
            long lastSkipped = p.line;
            while (true) {
                Line l = nextLine();
                if (l == null) {
                    done = true;
                    break;
                }
                if (l.isBlank()) {
                    continue;
                }
                Parsed candidate = parse(l);
                if (candidate.problem == null && candidate.fields.size() == columns) {
                    held = candidate;
                    break;
                }
                if (!candidate.more.isEmpty()) {
                    lines.pushBack(candidate.more);
                }
                lastSkipped = l.number();
            }
            if (lastSkipped > p.line) {
                problem += "; line" + (lastSkipped > p.line + 1 ? "s " + (p.line + 1) + "-" : " ") + lastSkipped
                        + " after it do" + (lastSkipped > p.line + 1 ? "" : "es") + " not parse as records and "
                        + (lastSkipped > p.line + 1 ? "were" : "was") + " skipped with it";
            }
            return reject(p, problem);
        }
        return null;
    }

    private InputItem reject(Parsed p, String reason) {
        Integer idIndex = index.get("id");
        String id = idIndex != null && idIndex < p.fields.size() && p.whole.get(idIndex)
                ? p.fields.get(idIndex).strip() : "";
        if (id.length() > 200) {
            id = id.substring(0, 200) + "...";
        }
        return new InputItem.Rejected(new RejectedRecord(p.line, id, reason));
    }

    private Line nextLine() {
        try {
            return lines.next();
        } catch (CharacterCodingException e) {
            throw new InputFileException(file, "not valid text in its encoding after line " + lines.read, e);
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
    }

    private String column(int i) {
        return i < headerNames.size() ? "'" + headerNames.get(i) + "'" : (i + 1) + "";
    }

    /** One record parsed from its first physical line on, with the further lines it took. */
    private static final class Parsed {
        final long line;
        final List<String> fields = new ArrayList<>();
        /** Whether each field was read whole (the id of a broken record is taken only from a whole field). */
        final List<Boolean> whole = new ArrayList<>();
        final List<Line> more = new ArrayList<>();
        /** The field whose quote ran over the end of the first line, when one did. */
        String spanning;
        String problem;

        Parsed(long line) {
            this.line = line;
        }

        void problem(String p) {
            if (problem == null) {
                problem = p;
            }
        }
    }

    /** Parses the record starting at {@code first}, reading further lines while a quoted field is open. */
    private Parsed parse(Line first) {
        Parsed p = new Parsed(first.number());
        StringBuilder field = new StringBuilder();
        int maxField = limits.maxFieldChars();
        long fieldLength = 0;
        long recordLength = first.length();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean atStart = true;
        Line cur = first;
        if (first.truncated()) {
            p.problem("line " + first.number() + " is longer than " + limits.maxRecordChars() + " characters ("
                    + first.length() + ")");
        }
        String text = cur.text();
        int i = 0;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    break;
                }
                // the quoted field goes on over the line break
                long opened = first.number();
                if (cur.truncated()) {
                    p.problem("quoted field " + column(p.fields.size()) + " opened on line " + opened
                            + " runs into line " + cur.number() + ", which is longer than "
                            + limits.maxRecordChars() + " characters (unterminated quote?)");
                    break;
                }
                if (p.more.size() + 1 >= limits.maxQuotedLines()) {
                    p.problem("quoted field " + column(p.fields.size()) + " opened on line " + opened
                            + " is not closed within " + limits.maxQuotedLines() + " lines (unterminated quote?)");
                    break;
                }
                Line next = nextLine();
                if (next == null) {
                    p.problem("quoted field " + column(p.fields.size()) + " opened on line " + opened
                            + " is not closed before the end of the file (unterminated quote?)");
                    break;
                }
                if (p.more.isEmpty()) {
                    p.spanning = column(p.fields.size());
                }
                p.more.add(next);
                recordLength += next.length() + cur.terminator().length();
                if (recordLength > limits.maxRecordChars()) {
                    p.problem("quoted field " + column(p.fields.size()) + " opened on line " + opened
                            + " is not closed within " + limits.maxRecordChars() + " characters (unterminated quote?)");
                    break;
                }
                fieldLength += cur.terminator().length();
                if (field.length() + cur.terminator().length() <= maxField) {
                    field.append(cur.terminator());
                }
                cur = next;
                text = cur.text();
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                        continue;
                    }
                }
                fieldLength++;
                if (field.length() < maxField) {
                    field.append(c);
                }
                continue;
            }
            if (c == delimiter) {
                endField(p, field, fieldLength, true);
                field.setLength(0);
                fieldLength = 0;
                afterQuote = false;
                atStart = true;
                continue;
            }
            if (afterQuote) {
                if (c == ' ' || c == '\t') {
                    continue;
                }
                p.problem("unexpected character '" + c + "' after the closing quote of field "
                        + column(p.fields.size()) + " on line " + cur.number());
                afterQuote = false;
            } else if (atStart && c == '"') {
                quoted = true;
                atStart = false;
                continue;
            }
            atStart = false;
            fieldLength++;
            if (field.length() < maxField) {
                field.append(c);
            }
        }
        endField(p, field, fieldLength, !quoted);
        return p;
    }

    private void endField(Parsed p, StringBuilder field, long length, boolean closed) {
        boolean fits = length <= limits.maxFieldChars();
        if (!fits && closed) {
            p.problem("field " + column(p.fields.size()) + " is longer than " + limits.maxFieldChars()
                    + " characters (" + length + ")");
        }
        p.fields.add(field.toString());
        p.whole.add(fits && closed);
    }

    @Override
    public void close() throws IOException {
        done = true;
        held = null;
        lines.close();
    }

    private static void closeQuietly(Reader r) {
        if (r != null) {
            try {
                r.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    /**
     * A physical line: its text without the line end, the line end ({@code "\n"}, {@code "\r\n"}, {@code "\r"} or
     * {@code ""} at the end of the file), its full length, and whether the text was cut at the limit.
     */
    record Line(long number, String text, String terminator, long length, boolean truncated) {

        boolean isBlank() {
            return !truncated && text.isBlank();
        }
    }

    /** Reads physical lines, each held up to a limit; lines pushed back are read again first. */
    static final class Lines {
        private final Reader in;
        private final int cap;
        private final char[] buf = new char[64 * 1024];
        private int pos;
        private int len;
        private boolean eof;
        /** Lines read from the stream so far. */
        long read;
        private final Deque<Line> pushedBack = new ArrayDeque<>();

        Lines(Reader in, int cap) {
            this.in = in;
            this.cap = cap;
        }

        void pushBack(List<Line> lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                pushedBack.addFirst(lines.get(i));
            }
        }

        Line next() throws IOException {
            if (!pushedBack.isEmpty()) {
                return pushedBack.pollFirst();
            }
            StringBuilder sb = new StringBuilder();
            long length = 0;
            boolean any = false;
            while (true) {
                if (pos == len) {
                    if (eof || !fill()) {
                        eof = true;
                        if (!any) {
                            return null;
                        }
                        return new Line(++read, sb.toString(), "", length, length > cap);
                    }
                }
                any = true;
                char c = buf[pos++];
                if (c == '\n') {
                    return new Line(++read, sb.toString(), "\n", length, length > cap);
                }
                if (c == '\r') {
                    if (pos == len && !eof) {
                        fill();
                    }
                    if (pos < len && buf[pos] == '\n') {
                        pos++;
                        return new Line(++read, sb.toString(), "\r\n", length, length > cap);
                    }
                    return new Line(++read, sb.toString(), "\r", length, length > cap);
                }
                length++;
                if (sb.length() < cap) {
                    sb.append(c);
                }
            }
        }

        private boolean fill() throws IOException {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                eof = n < 0;
                len = 0;
                pos = 0;
                return n > 0;
            }
            pos = 0;
            len = n;
            return true;
        }

        void close() throws IOException {
            in.close();
        }
    }
}
