package io.vigil.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies a zip file entry by entry, in its own order, giving every entry the same fixed time and no extra fields, so
 * that equal content gives byte-identical archives whatever the clock or the time zone. Streams: one entry's bytes
 * pass through a small buffer, never the whole file.
 */
final class DeterministicZip {

    private DeterministicZip() {
    }

    /**
     * @param source the zip to copy
     * @param out where the copy goes; flushed, not closed
     * @param time the time of every entry, as zip local (DOS) time; written as given, no time-zone conversion
     */
    static void copy(Path source, OutputStream out, LocalDateTime time) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile());
                ZipOutputStream copy = new ZipOutputStream(new CloseShield(out))) {
            // fastest deflate: the workbook of a big run is mostly repetitive XML, and the copy is on the run's
            // critical path (level 1 writes it several times faster than the default, for a somewhat larger file)
            copy.setLevel(Deflater.BEST_SPEED);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                ZipEntry fixed = new ZipEntry(entry.getName());
                fixed.setMethod(ZipEntry.DEFLATED);
                fixed.setTimeLocal(time);
                copy.putNextEntry(fixed);
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(copy);
                }
                copy.closeEntry();
            }
        }
    }

    /** Passes writes through and turns close into flush, so the caller's stream stays open. */
    private static final class CloseShield extends OutputStream {
        private final OutputStream out;

        CloseShield(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
