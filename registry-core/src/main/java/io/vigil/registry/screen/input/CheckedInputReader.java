package io.vigil.registry.screen.input;

import io.vigil.registry.screen.InputItem;
import io.vigil.registry.screen.InputReader;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.RejectedRecord;
import io.vigil.registry.screen.ScreenedValue;
import java.io.IOException;

/**
 * The checks every input format shares, applied to the items of a format reader:
 * <ul>
 *   <li>a name ({@code NAME} value) longer than {@link InputLimits#maxNameChars}, or any other value longer than
 *       {@link InputLimits#maxFieldChars}, rejects its record: {@code "name is longer than 1000 characters
 *       (5242880)"};</li>
 *   <li>a record whose id repeats the id of an earlier record or rejection of the same file is rejected, naming the
 *       earlier line: {@code "id 'C-7' repeats the id of the record on line 3"}. The ids are kept as 64-bit
 *       hashes ({@link SeenIds}), so millions of rows fit in a small heap.</li>
 * </ul>
 * Skipping (a restart) reads the skipped items through the same checks, so a resumed run rejects the same rows.
 */
final class CheckedInputReader implements InputReader {

    private final InputReader reader;
    private final InputLimits limits;
    private final SeenIds ids = new SeenIds();
    /** For a slice of a file: the repeated ids of the whole file, line → line first seen; else null. */
    private final java.util.Map<Long, Long> knownRepeats;
    /** Told of each repeat found (line, line first seen), or null. */
    private final java.util.function.BiConsumer<Long, Long> repeats;

    CheckedInputReader(InputReader reader, InputLimits limits) {
        this(reader, limits, null, null);
    }

    /**
     * @param knownRepeats for a slice of a file, the repeats found over the whole file (its own ids are then not
     *     tracked, since the earlier record may be in another slice); null to track them
     * @param repeats told of each repeat this reader finds, or null
     */
    CheckedInputReader(InputReader reader, InputLimits limits, java.util.Map<Long, Long> knownRepeats,
            java.util.function.BiConsumer<Long, Long> repeats) {
        this.reader = reader;
        this.limits = limits;
        this.knownRepeats = knownRepeats;
        this.repeats = repeats;
    }

    @Override
    public InputItem next() throws IOException {
        InputItem item = reader.next();
        if (item == null) {
            return null;
        }
        if (item instanceof InputItem.Rejected r) {
            if (knownRepeats == null && !r.rejected().recordId().isEmpty()) {
                ids.firstLine(r.rejected().recordId(), r.line());
            }
            return item;
        }
        InputRecord record = ((InputItem.Record) item).record();
        long first;
        if (knownRepeats == null) {
            first = ids.firstLine(record.recordId(), record.line());
        } else {
            first = knownRepeats.getOrDefault(record.line(), -1L);
        }
        if (first >= 0 && repeats != null) {
            repeats.accept(record.line(), first);
        }
        if (first >= 0) {
            return reject(record, "id '" + record.recordId() + "' repeats the id of the record on line " + first);
        }
        for (ScreenedValue v : record.values()) {
            int limit = v.kind() == ScreenedValue.Kind.NAME ? limits.maxNameChars() : limits.maxFieldChars();
            if (v.value().length() > limit) {
                return reject(record, v.field() + " is longer than " + limit + " characters ("
                        + v.value().length() + ")");
            }
        }
        return item;
    }

    private static InputItem reject(InputRecord record, String reason) {
        return new InputItem.Rejected(new RejectedRecord(record.line(), record.recordId(), reason));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
