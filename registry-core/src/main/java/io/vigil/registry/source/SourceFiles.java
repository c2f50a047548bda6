package io.vigil.registry.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks every parser makes before reading a file: present, readable, not empty. */
public final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * Fails with a clear message when {@code file} is missing, is a directory, cannot be read or is empty (or holds
     * only whitespace, a BOM or OFAC's trailing 0x1A).
     */
    public static void requireNonEmptyFile(Path file) throws ListParseException {
        String name = String.valueOf(file.getFileName());
        if (!Files.exists(file)) {
            throw new ListParseException(name, null, "file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new ListParseException(name, null, "not a regular file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new ListParseException(name, null, "file is not readable: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4096);
            for (byte b : head) {
                if (!(b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0x1A || b == (byte) 0xEF
                        || b == (byte) 0xBB || b == (byte) 0xBF)) {
                    return;
                }
            }
            if (head.length == 4096) {
                return;
            }
        } catch (IOException e) {
            throw new ListParseException(name, null, "cannot read file: " + e.getMessage(), e);
        }
        throw new ListParseException(name, null, "file is empty");
    }

    /** Fails when {@code dir} is not an existing directory. */
    public static void requireDirectory(Path dir) throws ListParseException {
        if (!Files.isDirectory(dir)) {
            throw new ListParseException(String.valueOf(dir.getFileName()), null,
                    Files.exists(dir) ? "not a directory: " + dir : "directory not found: " + dir);
        }
    }

    /**
     * Fails when the bytes of {@code file} are not valid UTF-8, naming the line of the first bad byte. Use for
     * formats whose specification says UTF-8.
     */
    public static void requireUtf8(Path file) throws ListParseException {
        String name = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ListParseException(name, null, "cannot read: " + e.getMessage(), e);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            java.nio.charset.CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                int offset = in.position();
                long line = 1;
                for (int i = 0; i < offset; i++) {
                    if (bytes[i] == '\n') {
                        line++;
                    }
                }
                throw new ListParseException(name, "line " + line,
                        "not valid UTF-8 at byte " + offset + " (wrong encoding? the format requires UTF-8)");
            }
            if (r.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    /** Opens a stream that skips a UTF-8 byte-order mark if there is one. */
    public static InputStream openSkippingBom(Path file) throws IOException {
        PushbackInputStream in = new PushbackInputStream(Files.newInputStream(file), 3);
        byte[] bom = new byte[3];
        int n = in.readNBytes(bom, 0, 3);
        if (!(n == 3 && bom[0] == (byte) 0xEF && bom[1] == (byte) 0xBB && bom[2] == (byte) 0xBF)) {
            if (n > 0) {
                in.unread(bom, 0, n);
            }
        }
        return in;
    }
}
