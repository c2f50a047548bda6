package io.vigil.registry.delta;

import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.ScreenedValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * 64-bit fingerprints of screened records: of a record id (to find a record again on a later night), and of
 * everything screening reads from a record (its id and each screened value with its field, kind, type, date of birth
 * and country; not its line, which does not change a hit). Both hash the same UTF-8 text, by one of two schemes:
 * <ul>
 * <li>{@link #SHA256} (scheme 1, the fingerprints stored by Vigil before scheme 2): the first 8 bytes of a
 * SHA-256;</li>
 * <li>{@link #MURMUR3} (scheme 2, {@link #SCHEME the current one}): the first 64 bits of the 128-bit MurmurHash3
 * (x64 variant, seed 0, commons-codec's {@link MurmurHash3#hash128x64(byte[], int, int, int)}).</li>
 * </ul>
 * The fingerprints only tell a changed record from an unchanged one between two nights; they are no security
 * measure (an input file is checked by its SHA-256, elsewhere). Under the client compiler the launcher runs with,
 * SHA-256 has no intrinsic and was the largest cost of a night where nothing changed; MurmurHash3 costs a fraction of
 * it. Two different records share a fingerprint with a probability of about 2<sup>-64</sup> under either scheme.
 * A collision of two record ids only makes a record look changed (its fingerprint covers its id), which costs a full
 * screen of it, never a missed hit; a record whose new content collides with its old one (about 2<sup>-64</sup> per
 * changed record) would be screened against the changed parties only, until the next full night. Unlike SHA-256,
 * MurmurHash3 does not resist deliberate collisions: someone able to write crafted records into the book's file
 * could make a changed record look unchanged until the next full night (scheduled monthly by default). The book is
 * the institution's own customer file, and anyone able to write into it could change its records outright.
 * <p>
 * Fingerprints of two schemes are never compared: each stored chunk says its scheme ({@link BookState}), and a delta
 * night against fingerprints of another scheme screens in full.
 */
public final class RecordFingerprints {

    /** Scheme 1: the first 8 bytes of a SHA-256. */
    public static final int SHA256 = 1;
    /** Scheme 2: the first 64 bits of MurmurHash3 x64 128, seed 0. */
    public static final int MURMUR3 = 2;
    /** The scheme this version computes and stores. */
    public static final int SCHEME = MURMUR3;

    private static final char SEP = '\u001f';

    private RecordFingerprints() {
    }

    /** Whether this version can compute fingerprints of a scheme. */
    public static boolean known(int scheme) {
        return scheme == SHA256 || scheme == MURMUR3;
    }

    /** The fingerprint of a record id, by the current scheme. */
    public static long ofId(String recordId) {
        return new Hasher().ofId(recordId);
    }

    /** The fingerprint of a record id by a given scheme (to find a record in a state of that scheme). */
    public static long ofId(int scheme, String recordId) {
        return new Hasher(scheme).ofId(recordId);
    }

    /** The fingerprint of what screening reads from a record, by the current scheme. */
    public static long of(InputRecord record) {
        return new Hasher().of(record);
    }

    /**
     * The same fingerprints as {@link RecordFingerprints#ofId} and {@link RecordFingerprints#of}, computed with a
     * text buffer and byte buffer reused from record to record: a night fingerprints every record twice, and under
     * the client compiler (no escape analysis) each fingerprint otherwise allocated the text, its bytes and the
     * hash's state. Not thread-safe: one per thread, or per batch of records.
     */
    public static final class Hasher {
        private final int scheme;
        private final MessageDigest digest;
        private final StringBuilder text = new StringBuilder(128);
        private byte[] bytes = new byte[256];
        private final byte[] out;

        /** A hasher of the current scheme. */
        public Hasher() {
            this(SCHEME);
        }

        /** A hasher of a given scheme ({@link #SHA256} or {@link #MURMUR3}). */
        public Hasher(int scheme) {
            if (!known(scheme)) {
                throw new IllegalArgumentException("record fingerprint scheme " + scheme + " is unknown to this "
                        + "version (it knows 1 and 2)");
            }
            this.scheme = scheme;
            this.digest = scheme == SHA256 ? sha256() : null;
            this.out = scheme == SHA256 ? new byte[32] : null;
        }

        public int scheme() {
            return scheme;
        }

        public long ofId(String recordId) {
            text.setLength(0);
            text.append(recordId);
            return hash();
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
            return hash();
        }

        /** The hash of the text's UTF-8 bytes, by the hasher's scheme. */
        private long hash() {
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
            byte[] data = bytes;
            if (!ascii) {
                // UTF-8 of the whole text at once (a surrogate pair is encoded as one character, a lone one as '?')
                data = text.toString().getBytes(StandardCharsets.UTF_8);
                n = data.length;
            }
            return scheme == MURMUR3 ? MurmurHash3.hash128x64(data, 0, n, 0)[0] : first8OfSha256(data, n);
        }

        private long first8OfSha256(byte[] data, int n) {
            digest.reset();
            digest.update(data, 0, n);
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
     * in the security providers for each fingerprint of scheme 1.
     */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) PristineSha256.DIGEST.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    /** Loaded only when a hasher of scheme 1 is made. */
    private static final class PristineSha256 {
        static final MessageDigest DIGEST = newSha256();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
