package io.vigil.registry.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import io.vigil.registry.model.SourceFile;

/** SHA-256 of files and strings, as lower-case hex. */
public final class Hashing {

    private Hashing() {
    }

    /** The SHA-256 of a file's bytes, e.g. {@code e3b0c442…} for an empty file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** The SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The {@link SourceFile} record (name, hash, size) of a file. */
    public static SourceFile sourceFile(Path file) throws IOException {
        return new SourceFile(file.getFileName().toString(), sha256(file), Files.size(file));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
