package io.vigil.registry.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Fingerprints stay the first 8 bytes of a SHA-256 (the stored ones of earlier nights must still compare equal). */
class RecordFingerprintsTests {

    @Test
    void anIdFingerprintIsTheFirstEightBytesOfItsSha256_onEveryThread() throws Exception {
        List<String> ids = IntStream.range(0, 20_000).mapToObj(i -> "C" + i).toList();
        long[] expected = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(ids.get(i).getBytes(StandardCharsets.UTF_8));
            expected[i] = ByteBuffer.wrap(d, 0, 8).getLong();
        }
        long[] got = new long[ids.size()];
        IntStream.range(0, ids.size()).parallel().forEach(i -> got[i] = RecordFingerprints.ofId(ids.get(i)));
        assertThat(got).containsExactly(expected);
    }

    @Test
    void aReusedHasherGivesTheFingerprintsOfTheFreshOnes_forAnyTextAndInAnyOrder() throws Exception {
        // ids and values in ASCII and not (accents, Arabic, Chinese, an emoji, a lone surrogate), short and longer
        // than the hasher's first buffer, each hashed after others of other lengths
        List<String> texts = List.of("C1", "", "CP000000001", "Müller GmbH", "محمد علي", "金正恩", "Emoji \uD83D\uDE00 Ltd",
                "lone \uD800 surrogate", "x".repeat(300), "y".repeat(40) + "é".repeat(200), "C2");
        RecordFingerprints.Hasher hasher = new RecordFingerprints.Hasher();
        for (int round = 0; round < 2; round++) {
            for (String t : texts) {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(t.getBytes(StandardCharsets.UTF_8));
                assertThat(hasher.ofId(t)).as(t).isEqualTo(ByteBuffer.wrap(d, 0, 8).getLong())
                        .isEqualTo(RecordFingerprints.ofId(t));
                io.vigil.registry.screen.InputRecord record = new io.vigil.registry.screen.InputRecord(3, t, List.of(
                        io.vigil.registry.screen.ScreenedValue.name("name", t + " Ltd",
                                io.vigil.registry.model.PartyType.ORGANIZATION, "1970", "DE"),
                        io.vigil.registry.screen.ScreenedValue.name("alias", t, null, null, null)));
                // the record's text as the fingerprint has always been defined (the stored ones must compare equal)
                String sep = "\u001f";
                String whole = t + sep + "name" + sep + "NAME" + sep + t + " Ltd" + sep + "ORGANIZATION" + sep + "1970"
                        + sep + "DE" + sep + "alias" + sep + "NAME" + sep + t + sep + sep + sep;
                byte[] w = MessageDigest.getInstance("SHA-256").digest(whole.getBytes(StandardCharsets.UTF_8));
                assertThat(hasher.of(record)).as(t).isEqualTo(ByteBuffer.wrap(w, 0, 8).getLong())
                        .isEqualTo(RecordFingerprints.of(record));
            }
        }
    }
}
