package io.vigil.registry.screen.input;

import io.vigil.registry.screen.InputFileException;
import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits an input file into byte ranges that several readers can screen independently, each yielding exactly the
 * items, line numbers and rejection reasons a reader of the whole file yields for those lines.
 *
 * <p>{@link #plan} reads the file once with the same parser {@link InputFiles#open} uses, and cuts only at the first
 * line of a record that parsed cleanly and that no earlier parse attempt looked past (a record rejected over several
 * lines may read up to {@link InputLimits#maxQuotedLines} lines ahead, so no cut falls within that distance of one).
 * A quoted field spanning lines therefore never straddles a cut. Ids repeated across slices are found in the same
 * pass and handed to each slice's reader ({@link Plan#repeatsIn}), so a slice rejects the same rows the whole file
 * does. A slice is read behind the file's header (the bytes before its first record), numbered from its real first
 * line.
 *
 * <p>A pacs.008 file, a file in an encoding whose line breaks are not the ASCII bytes CR and LF (UTF-16, say), and a
 * file with no record are not cut: the first slice is the whole file and the others are empty.
 *
 * <p>Example: a 3-record counterparty file (header on line 1, records on lines 2, 3 and 4) planned in 2 parts gives
 * slice 0 = lines 2-3 and slice 1 = line 4 (read behind the header, its record reported at line 4).
 */
public final class InputSlices {

    /**
     * A byte range of a file.
     *
     * @param whole read the whole file the usual way (the other fields are then 0)
     * @param start first byte of the range (the first byte of a line)
     * @param end the byte after the range (the first byte of a line, or the file's size)
     * @param headerEnd bytes {@code [0, headerEnd)} (the header and anything before the first record) are read before
     *     the range; 0 for the first slice, which starts at byte 0
     * @param lineOffset added to the line numbers the range would have right after the header, so they are the file's
     */
    public record Slice(boolean whole, long start, long end, long headerEnd, long lineOffset) {
        /** The whole file. */
        public static final Slice WHOLE = new Slice(true, 0, 0, 0, 0);
        /** Nothing. */
        public static final Slice EMPTY = new Slice(false, 0, 0, 0, 0);

        public boolean isEmpty() {
            return !whole && end <= start;
        }
    }

    /**
     * How a file is cut.
     *
     * @param slices exactly as many as asked for, in file order (some may be empty)
     * @param firstLines the first line of each slice (0 for an empty or whole one)
     * @param repeats line → line first seen, for every record whose id repeats an earlier one
     */
    public record Plan(List<Slice> slices, List<Long> firstLines, Map<Long, Long> repeats) {
        public Plan {
            slices = List.copyOf(slices);
            firstLines = List.copyOf(firstLines);
            repeats = Map.copyOf(repeats);
        }

        /** The repeats whose line falls in slice {@code i}. */
        public Map<Long, Long> repeatsIn(int i) {
            long from = firstLines.get(i);
            long to = Long.MAX_VALUE;
            for (int k = i + 1; k < firstLines.size(); k++) {
                if (firstLines.get(k) > 0) {
                    to = firstLines.get(k);
                    break;
                }
            }
            Map<Long, Long> in = new HashMap<>();
            for (var e : repeats.entrySet()) {
                if (e.getKey() >= from && e.getKey() < to) {
                    in.put(e.getKey(), e.getValue());
                }
            }
            return in;
        }
    }

    private InputSlices() {
    }

    /**
     * Cuts {@code file} into {@code parts} slices of about equal size.
     *
     * @throws InputFileException as {@link InputFiles#open} does, for a file that cannot be read at all
     */
    public static Plan plan(Path file, InputKind kind, ColumnMapping mapping, Charset charset, InputLimits limits,
            int parts) {
        Objects.requireNonNull(file, "file");
        int n = Math.max(1, parts);
        ColumnMapping m = mapping == null ? ColumnMapping.defaults(kind) : mapping;
        Charset cs = charset == null ? StandardCharsets.UTF_8 : charset;
        InputLimits l = limits == null ? InputLimits.defaults() : limits;
        InputFormat format = InputFiles.detect(file, kind);
        long size = size(file);
        if (n == 1 || format == InputFormat.PACS_008 || !asciiLineBreaks(cs) || size == 0) {
            return unsplit(file, kind, m, cs, l, n);
        }
        long[] targets = new long[n - 1];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = size * (i + 1) / n;
        }
        long[] targetLines = linesFrom(file, targets);
        long[] cuts = new long[n - 1];
        Arrays.fill(cuts, -1);
        Map<Long, Long> repeats = new HashMap<>();
        Cutter cutter = new Cutter(CsvInputReader.open(file, cs, m, rows(kind), l), targetLines, cuts,
                l.maxQuotedLines());
        try (InputReader checked = new CheckedInputReader(cutter, l, null, repeats::put)) {
            while (checked.next() != null) {
                // the cutter sees each item go by
            }
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
        if (cutter.firstLine < 0) {
            return unsplit(file, kind, m, cs, l, n);
        }
        long[] wanted = new long[n];
        wanted[0] = cutter.firstLine;
        for (int i = 0; i < cuts.length; i++) {
            wanted[i + 1] = cuts[i] < 0 ? Long.MAX_VALUE : cuts[i];
        }
        long[] offsets = lineStarts(file, wanted, size);
        long headerEnd = offsets[0];
        List<Slice> slices = new ArrayList<>();
        List<Long> firstLines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = i == 0 ? 0 : offsets[i];
            long end = i + 1 < n ? offsets[i + 1] : size;
            long first = i == 0 ? cutter.firstLine : wanted[i];
            if (first == Long.MAX_VALUE || end <= start) {
                slices.add(Slice.EMPTY);
                firstLines.add(0L);
            } else if (i == 0) {
                slices.add(new Slice(false, 0, end, 0, 0));
                firstLines.add(first);
            } else {
                slices.add(new Slice(false, start, end, headerEnd, first - cutter.firstLine));
                firstLines.add(first);
            }
        }
        return new Plan(slices, firstLines, repeats);
    }

    private static Plan unsplit(Path file, InputKind kind, ColumnMapping m, Charset cs, InputLimits l, int n) {
        List<Slice> slices = new ArrayList<>();
        List<Long> firstLines = new ArrayList<>();
        slices.add(Slice.WHOLE);
        firstLines.add(1L);
        for (int i = 1; i < n; i++) {
            slices.add(Slice.EMPTY);
            firstLines.add(0L);
        }
        return new Plan(slices, firstLines, Map.of());
    }

    /**
     * Opens one slice of a plan made with the same layout, encoding and limits.
     *
     * @param repeats the plan's repeats in this slice ({@link Plan#repeatsIn})
     */
    public static InputReader open(Path file, InputKind kind, ColumnMapping mapping, Charset charset,
            InputLimits limits, Slice slice, Map<Long, Long> repeats) {
        if (slice.whole()) {
            return InputFiles.open(file, kind, mapping, charset, limits);
        }
        if (slice.isEmpty()) {
            return new InputFiles.EmptyReader();
        }
        ColumnMapping m = mapping == null ? ColumnMapping.defaults(kind) : mapping;
        Charset cs = charset == null ? StandardCharsets.UTF_8 : charset;
        InputLimits l = limits == null ? InputLimits.defaults() : limits;
        InputStream in;
        try {
            byte[] header = new byte[(int) slice.headerEnd()];
            try (InputStream h = Files.newInputStream(file)) {
                if (h.readNBytes(header, 0, header.length) != header.length) {
                    throw new IOException("the file is shorter than its header");
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(slice.start());
            InputStream range = new BoundedStream(Channels.newInputStream(channel), slice.end() - slice.start());
            in = new BufferedInputStream(new SequenceInputStream(new ByteArrayInputStream(header), range), 64 * 1024);
            if (cs.equals(StandardCharsets.UTF_8)) {
                in = skipBom(in);
            }
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
        InputReader reader = CsvInputReader.open(file, in, slice.lineOffset(), cs, m, rows(kind), l);
        return new CheckedInputReader(reader, l, repeats == null ? Map.of() : repeats, null);
    }

    private static CsvInputReader.RowReader rows(InputKind kind) {
        return kind == InputKind.COUNTERPARTIES ? new CounterpartyRows() : new TransactionRows();
    }

    /** Encodings whose line breaks are the single bytes CR and LF, which never occur inside another character. */
    static boolean asciiLineBreaks(Charset cs) {
        String name = cs.name();
        return cs.equals(StandardCharsets.UTF_8) || cs.equals(StandardCharsets.US_ASCII)
                || name.startsWith("ISO-8859-") || name.startsWith("windows-125");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
    }

    private static InputStream skipBom(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        byte[] bom = new byte[3];
        int n = in.readNBytes(bom, 0, 3);
        if (!(n == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF) && n > 0) {
            in.unread(bom, 0, n);
        }
        return in;
    }

    /** Watches the parser's items go by and picks the cuts. */
    private static final class Cutter implements InputReader {
        private final InputReader reader;
        private final long[] targetLines;
        private final long[] cuts;
        private final int lookahead;
        private int next;
        private long barrier;
        private boolean afterRejection;
        long firstLine = -1;

        Cutter(InputReader reader, long[] targetLines, long[] cuts, int maxQuotedLines) {
            this.reader = reader;
            this.targetLines = targetLines;
            this.cuts = cuts;
            this.lookahead = maxQuotedLines + 1;
        }

        @Override
        public InputItem next() throws IOException {
            InputItem item = reader.next();
            if (item == null) {
                return null;
            }
            long line = item.line();
            if (firstLine < 0) {
                firstLine = line;
            }
            if (afterRejection) {
                // a rejected record may have read ahead up to maxQuotedLines lines past the item after it
                barrier = line + lookahead;
                afterRejection = false;
            }
            if (item instanceof InputItem.Rejected) {
                afterRejection = true;
            } else if (line >= barrier) {
                while (next < cuts.length && targetLines[next] <= line) {
                    cuts[next++] = line;
                }
            }
            return item;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** Visits the start of each physical line (CR, LF or CRLF ends one, as the CSV parser counts them). */
    private interface LineVisitor {
        /** @return false to stop */
        boolean visit(long line, long offset);
    }

    private static void scan(Path file, LineVisitor visitor) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            long line = 1;
            long pos = 0;
            boolean cr = false;
            if (!visitor.visit(1, 0)) {
                return;
            }
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++, pos++) {
                    byte b = buf[i];
                    if (cr) {
                        cr = false;
                        if (b == '\n') {
                            if (!visitor.visit(++line, pos + 1)) {
                                return;
                            }
                            continue;
                        }
                        if (!visitor.visit(++line, pos)) {
                            return;
                        }
                    }
                    if (b == '\n') {
                        if (!visitor.visit(++line, pos + 1)) {
                            return;
                        }
                    } else if (b == '\r') {
                        cr = true;
                    }
                }
            }
            if (cr) {
                visitor.visit(++line, pos);
            }
        } catch (IOException e) {
            throw new InputFileException(file, "is not a readable file: " + e.getMessage(), e);
        }
    }

    /** For each byte position (ascending), the first line starting at or after it; Long.MAX_VALUE if none. */
    static long[] linesFrom(Path file, long[] targets) {
        long[] lines = new long[targets.length];
        Arrays.fill(lines, Long.MAX_VALUE);
        int[] k = {0};
        scan(file, (line, offset) -> {
            while (k[0] < targets.length && offset >= targets[k[0]]) {
                lines[k[0]++] = line;
            }
            return k[0] < targets.length;
        });
        return lines;
    }

    /** The byte offset where each line (ascending; Long.MAX_VALUE for none) starts; {@code size} for none. */
    static long[] lineStarts(Path file, long[] lines, long size) {
        long[] offsets = new long[lines.length];
        Arrays.fill(offsets, size);
        int[] k = {0};
        scan(file, (line, offset) -> {
            while (k[0] < lines.length && lines[k[0]] == line) {
                offsets[k[0]++] = offset;
            }
            return k[0] < lines.length && lines[k[0]] != Long.MAX_VALUE;
        });
        return offsets;
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int r = in.read(b, off, (int) Math.min(len, remaining));
            if (r > 0) {
                remaining -= r;
            }
            return r;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
