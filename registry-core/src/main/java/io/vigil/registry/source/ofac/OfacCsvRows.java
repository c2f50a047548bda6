package io.vigil.registry.source.ofac;

import io.vigil.registry.source.ListParseException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one headerless OFAC legacy CSV file into rows, each with the line it starts on.
 *
 * <p>Bytes are decoded as strict UTF-8 when they are valid UTF-8, else as windows-1252 (the five bytes that
 * windows-1252 leaves undefined map to the same Latin-1 code points), and the fallback is reported. A UTF-8 BOM is
 * skipped; OFAC's trailing 0x1A (DOS end-of-file) and the final line break are ignored. {@code "-0- "} is OFAC's
 * empty value: {@link #clean(String)} turns it into null.
 */
final class OfacCsvRows {

    /** One row: the line it starts on (1-based) and its fields as written. */
    record Row(long line, List<String> fields) {
        String field(int i) {
            return fields.get(i);
        }
    }

    /**
     * A file's rows, a warning when it was not UTF-8, and whether it ends with OFAC's end-of-file mark 0x1A (line
     * breaks after it allowed)
     * (every file OFAC publishes ends with it; a file without it was cut or re-saved).
     */
    record Table(String fileName, List<Row> rows, String encodingWarning, boolean endsWithEofMark) {
    }

    /** windows-1252 decoding table; the undefined bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D keep their Latin-1 value. */
    private static final String CP1252 = cp1252Table();

    private OfacCsvRows() {
    }

    /** Reads {@code file}, failing when a row does not have {@code expectedFields} fields. */
    static Table read(Path file, int expectedFields) throws ListParseException {
        String name = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ListParseException(name, null, "cannot read: " + e.getMessage(), e);
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF ? 3 : 0;
        String warning = null;
        String text;
        try {
            text = utf8Strict().decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, start);
            warning = name + " line " + lineOf(bytes, bad) + ": not valid UTF-8 (byte 0x"
                    + String.format(java.util.Locale.ROOT, "%02X", bytes[bad] & 0xFF) + " at offset " + bad
                    + "); the file was read as windows-1252";
            text = decodeCp1252(bytes, start);
        }
        int last = bytes.length - 1;
        while (last >= 0 && (bytes[last] == '\r' || bytes[last] == '\n' || bytes[last] == ' ')) {
            last--; // a line break after the mark (a copy re-saved line by line) still shows the file's end
        }
        return new Table(name, split(name, text, expectedFields), warning, last >= 0 && bytes[last] == 0x1A);
    }

    /** {@code null} for OFAC's empty marker {@code -0-} and for blank values, else the value stripped. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() || v.equals("-0-") ? null : v;
    }

    static List<Row> split(String name, String text, int expectedFields) throws ListParseException {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\u001A' || text.charAt(end - 1) == '\r'
                || text.charAt(end - 1) == '\n')) {
            end--;
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        long line = 1;
        StringBuilder sb = new StringBuilder();
        while (i < end) {
            long startLine = line;
            List<String> fields = new ArrayList<>(expectedFields);
            boolean recordDone = false;
            while (!recordDone) {
                sb.setLength(0);
                if (i < end && text.charAt(i) == '"') {
                    long quoteLine = line;
                    i++;
                    while (true) {
                        if (i >= end) {
                            throw new ListParseException(name, "line " + quoteLine,
                                    "unterminated quoted field " + (fields.size() + 1)
                                            + " (the file is truncated or malformed)");
                        }
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < end && text.charAt(i + 1) == '"') {
                                sb.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        sb.append(c);
                        i++;
                    }
                    // OFAC writes nothing between a closing quote and the delimiter; spaces are tolerated
                    while (i < end && text.charAt(i) == ' ') {
                        i++;
                    }
                    if (i < end && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                        throw new ListParseException(name, "line " + line, "unexpected character '"
                                + text.charAt(i) + "' after the closing quote of field " + (fields.size() + 1));
                    }
                } else {
                    while (i < end) {
                        char c = text.charAt(i);
                        if (c == ',' || c == '\r' || c == '\n') {
                            break;
                        }
                        sb.append(c);
                        i++;
                    }
                }
                fields.add(sb.toString());
                if (i >= end) {
                    recordDone = true;
                } else if (text.charAt(i) == ',') {
                    i++;
                    if (i >= end) {
                        fields.add("");
                        recordDone = true;
                    }
                } else {
                    if (text.charAt(i) == '\r') {
                        i++;
                    }
                    if (i < end && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    recordDone = true;
                }
            }
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue; // blank line
            }
            if (fields.size() != expectedFields) {
                throw new ListParseException(name, "line " + startLine,
                        "expected " + expectedFields + " fields, found " + fields.size());
            }
            rows.add(new Row(startLine, List.copyOf(fields)));
        }
        return rows;
    }

    private static CharsetDecoder utf8Strict() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static int firstInvalidUtf8(byte[] bytes, int start) {
        CharsetDecoder d = utf8Strict();
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            var r = d.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return start; // not reached: called only after a decoding failure
            }
            out.clear();
        }
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String decodeCp1252(byte[] bytes, int start) {
        StringBuilder sb = new StringBuilder(bytes.length - start);
        for (int i = start; i < bytes.length; i++) {
            sb.append(CP1252.charAt(bytes[i] & 0xFF));
        }
        return sb.toString();
    }

    private static String cp1252Table() {
        Charset cp1252 = Charset.forName("windows-1252");
        StringBuilder sb = new StringBuilder(256);
        for (int b = 0; b < 256; b++) {
            try {
                CharBuffer c = cp1252.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                sb.append(c.charAt(0));
            } catch (CharacterCodingException e) {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }
}
