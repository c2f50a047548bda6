package io.vigil.registry.source.ofacxml;

import io.vigil.registry.source.ListParseException;
import io.vigil.registry.source.XmlListFile;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Opens the single XML entry of an OFAC ZIP (e.g. {@code CONS_ENHANCED.ZIP} → {@code CONS_ENHANCED.XML}) as a
 * stream, never extracting to disk. Refuses entry names with {@code ".."}, absolute names, archives with no or more
 * than one {@code .xml} entry, entries larger than {@link Limits#maxUncompressedBytes()} and entries inflating more
 * than {@link Limits#maxRatio()}:1 once past {@link Limits#ratioFloorBytes()} (zip bombs). Sizes are checked against
 * the central directory first and again while the bytes are inflated, since a hostile archive can lie about them.
 */
final class ZipGuard {

    /**
     * @param maxUncompressedBytes the largest XML entry accepted (default 2 GiB; the real consolidated XML is 3.4 MB,
     *     the full SDN about 100 MB)
     * @param maxRatio the largest uncompressed:compressed ratio accepted (default 200; real files are about 17:1)
     * @param ratioFloorBytes the ratio is only enforced past this many uncompressed bytes (default 100 MB), so small
     *     highly regular files still pass
     */
    record Limits(long maxUncompressedBytes, long maxRatio, long ratioFloorBytes) {
        static final Limits DEFAULT = new Limits(2L * 1024 * 1024 * 1024, 200, 100L * 1024 * 1024);
    }

    /** Thrown from inside the inflating stream when an entry exceeds the limits. */
    static final class LimitExceeded extends XmlListFile.InputRefused {
        LimitExceeded(String message) {
            super(message);
        }
    }

    /** The XML entry, open; closing it closes the archive. */
    static final class XmlEntry implements AutoCloseable {
        private final ZipFile zip;
        private final String name;
        private final InputStream in;
        private final List<String> ignored;

        private XmlEntry(ZipFile zip, String name, InputStream in, List<String> ignored) {
            this.zip = zip;
            this.name = name;
            this.in = in;
            this.ignored = ignored;
        }

        String name() {
            return name;
        }

        InputStream stream() {
            return in;
        }

        /** Names of non-XML entries that were skipped. */
        List<String> ignoredEntries() {
            return ignored;
        }

        @Override
        public void close() throws IOException {
            try {
                in.close();
            } finally {
                zip.close();
            }
        }
    }

    private static final int MAX_ENTRIES = 1000;

    private ZipGuard() {
    }

    static XmlEntry openSingleXml(Path file, Limits limits) throws ListParseException {
        String fileName = String.valueOf(file.getFileName());
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ListParseException(fileName, null, "not a valid ZIP archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ListParseException(fileName, null, "cannot open ZIP archive: " + e.getMessage(), e);
        }
        try {
            ZipEntry xml = null;
            List<String> ignored = new ArrayList<>();
            int count = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (++count > MAX_ENTRIES) {
                    throw new ListParseException(fileName, null, "more than " + MAX_ENTRIES + " entries in the archive");
                }
                String name = e.getName();
                if (isUnsafe(name)) {
                    throw new ListParseException(fileName, "entry \"" + name + "\"",
                            "unsafe entry name (path traversal or absolute path); refusing the archive");
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    if (xml != null) {
                        throw new ListParseException(fileName, "entry \"" + name + "\"",
                                "more than one XML entry (\"" + xml.getName() + "\" and \"" + name
                                        + "\"); expected exactly one");
                    }
                    xml = e;
                } else {
                    ignored.add(name);
                }
            }
            if (xml == null) {
                throw new ListParseException(fileName, null, "the archive holds no .xml entry");
            }
            checkDeclared(fileName, xml, limits);
            InputStream raw = zip.getInputStream(xml);
            XmlEntry result = new XmlEntry(zip, xml.getName(),
                    new Bounded(raw, xml.getName(), Math.max(1, xml.getCompressedSize()), limits), List.copyOf(ignored));
            zip = null; // ownership passed to result
            return result;
        } catch (IOException e) {
            throw new ListParseException(fileName, null, "cannot read ZIP archive: " + e.getMessage(), e);
        } finally {
            if (zip != null) {
                try {
                    zip.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    static boolean isUnsafe(String name) {
        String n = name.replace('\\', '/');
        return n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.contains("..") || n.indexOf('\0') >= 0;
    }

    private static void checkDeclared(String fileName, ZipEntry e, Limits limits) throws ListParseException {
        long size = e.getSize();
        long compressed = e.getCompressedSize();
        String where = "entry \"" + e.getName() + "\"";
        if (size > limits.maxUncompressedBytes()) {
            throw new ListParseException(fileName, where, "declares " + size + " uncompressed bytes, over the limit of "
                    + limits.maxUncompressedBytes() + " (zip bomb guard)");
        }
        if (size > limits.ratioFloorBytes() && compressed > 0 && size / compressed > limits.maxRatio()) {
            throw new ListParseException(fileName, where, "compression ratio " + (size / compressed)
                    + ":1 exceeds " + limits.maxRatio() + ":1 (zip bomb guard)");
        }
    }

    /** Counts inflated bytes and fails once the limits are passed, whatever the headers said. */
    static final class Bounded extends FilterInputStream {
        private final String entry;
        private final long compressed;
        private final Limits limits;
        private long count;

        Bounded(InputStream in, String entry, long compressed, Limits limits) {
            super(in);
            this.entry = entry;
            this.compressed = compressed;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            if (s > 0) {
                add(s);
            }
            return s;
        }

        private void add(long n) throws LimitExceeded {
            count += n;
            if (count > limits.maxUncompressedBytes()) {
                throw new LimitExceeded("entry \"" + entry + "\" inflates past " + limits.maxUncompressedBytes()
                        + " bytes (zip bomb guard)");
            }
            if (count > limits.ratioFloorBytes() && count / compressed > limits.maxRatio()) {
                throw new LimitExceeded("entry \"" + entry + "\" inflates more than " + limits.maxRatio()
                        + ":1 (zip bomb guard)");
            }
        }
    }
}
