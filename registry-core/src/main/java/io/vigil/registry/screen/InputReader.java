package io.vigil.registry.screen;

import java.io.Closeable;
import java.io.IOException;

/**
 * Streams the items of one input file in file order. Not thread-safe. A reader is opened on a file and can skip
 * items it already delivered in an earlier run ({@link #skip}), which is how a restarted job resumes.
 *
 * <p>Contract: {@link #next} returns each row or record exactly once, as a record or a rejection, then null. A file
 * that cannot be read at all (missing, unreadable, wrong encoding from the start, not the expected format, hostile
 * XML) throws {@link InputFileException} naming the file and the reason.
 */
public interface InputReader extends Closeable {

    /** The next item, or null at the end of the file. */
    InputItem next() throws IOException;

    /** Skips {@code items} items (records and rejections alike). */
    default void skip(long items) throws IOException {
        for (long i = 0; i < items; i++) {
            if (next() == null) {
                return;
            }
        }
    }
}
