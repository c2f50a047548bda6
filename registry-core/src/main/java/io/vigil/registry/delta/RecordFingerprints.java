package io.vigil.registry.delta;

import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.ScreenedValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * 64-bit fingerprints of screened records: of a record id (to find a record again on a later night), and of
 * everything screening reads from a record (its id and each screened value with its field, kind, type, date of birth
 * and country; not its line, which does not change a hit). Both are the first 8 bytes of a SHA-256, so two different
 * records share a fingerprint with a probability of about 2<sup>-64</sup>; a collision of two record ids only makes
 * a record look changed (its fingerprint covers its id), which costs a full screen of it, never a missed hit.
 */
public final class RecordFingerprints {

    private static final char SEP = '\u001f';

    private RecordFingerprints() {
    }

    /** The fingerprint of a record id. */
    public static long ofId(String recordId) {
        return new Hasher().ofId(recordId);
    }

    /** The fingerprint of what screening reads from a record. */
    public static long of(InputRecord record) {
        return new Hasher().of(record);
    }

    /**
     * The same fingerprints as {@link RecordFingerprints#ofId} and {@link RecordFingerprints#of}, computed with one
     * digest, text buffer and byte buffer reused from record to record: a night fingerprints every record twice, and
     * under the client compiler (no escape analysis) each fingerprint otherwise allocated its digest's state, the
     * text, its bytes, the digest and a byte buffer to read it (about a sixth of a delta night's allocation). Not
     * thread-safe: one per thread, or per batch of records.
     */
    public static final class Hasher {
        private final MessageDigest digest = sha256();
        private final StringBuilder text = new StringBuilder(128);
        private byte[] bytes = new byte[256];
        private final byte[] out = new byte[32];

        public long ofId(String recordId) {
            text.setLength(0);
            text.append(recordId);
            return first8();
        }

        public long of(InputRecord record) {
            StringBuilder sb = text;
            sb.setLength(0);
            sb.append(record.recordId());
            for (ScreenedValue v : record.values()) {
                sb.append(SEP).append(v.field()).append(SEP).append(v.kind().name()).append(SEP).append(v.value())
                        .append(SEP).append(v.type() == null ? "" : v.type().name())
                        .append(SEP).append(v.dateOfBirth() == null ? "" : v.dateOfBirth())
                        .append(SEP).append(v.country() == null ? "" : v.country());
            }
            return first8();
        }

        /** The first 8 bytes of the SHA-256 of the text's UTF-8 bytes. */
        private long first8() {
            int n = text.length();
            if (bytes.length < n) {
                bytes = new byte[Math.max(n, 2 * bytes.length)];
            }
            boolean ascii = true;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    ascii = false;
                    break;
                }
                bytes[i] = (byte) c;
            }
            digest.reset();
            if (ascii) {
                digest.update(bytes, 0, n);
            } else {
                // UTF-8 of the whole text at once (a surrogate pair is encoded as one character, a lone one as '?')
                digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
            }
            try {
                digest.digest(out, 0, out.length);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException("SHA-256 digest of 32 bytes refused", e);
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (out[i] & 0xFF);
            }
            return v;
        }
    }

    /**
     * A fresh SHA-256 digest: a copy of a pristine one (never updated itself), cheaper than looking the algorithm up
     * in the security providers for each of a night's two million fingerprints.
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) PRISTINE_SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static final MessageDigest PRISTINE_SHA256 = newSha256();

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
