package io.vigil.registry.delta;

import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.ScreenedValue;
import java.nio.ByteBuffer;
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
        return first8(recordId);
    }

    /** The fingerprint of what screening reads from a record. */
    public static long of(InputRecord record) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(record.recordId());
        for (ScreenedValue v : record.values()) {
            sb.append(SEP).append(v.field()).append(SEP).append(v.kind().name()).append(SEP).append(v.value())
                    .append(SEP).append(v.type() == null ? "" : v.type().name())
                    .append(SEP).append(v.dateOfBirth() == null ? "" : v.dateOfBirth())
                    .append(SEP).append(v.country() == null ? "" : v.country());
        }
        return first8(sb.toString());
    }

    private static long first8(String text) {
        byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest, 0, 8).getLong();
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
