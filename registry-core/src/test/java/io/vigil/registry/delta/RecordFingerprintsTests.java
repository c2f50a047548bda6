package io.vigil.registry.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.registry.model.PartyType;
import io.vigil.registry.screen.InputRecord;
import io.vigil.registry.screen.ScreenedValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

/**
 * Fingerprints of the current scheme (2) are the first 64 bits of MurmurHash3 x64 128 of the text, those of scheme 1
 * the first 8 bytes of its SHA-256; both stay what they were (the stored ones of earlier nights must still compare
 * equal), which the golden values pin.
 */
class RecordFingerprintsTests {

    private static final String SEP = "\u001f";

    /** A record of two names, and its text as the fingerprint has always been defined. */
    private static InputRecord record(String t) {
        return new InputRecord(3, t, List.of(ScreenedValue.name("name", t + " Ltd", PartyType.ORGANIZATION, "1970",
                "DE"), ScreenedValue.name("alias", t, null, null, null)));
    }

    private static String text(String t) {
        return t + SEP + "name" + SEP + "NAME" + SEP + t + " Ltd" + SEP + "ORGANIZATION" + SEP + "1970" + SEP + "DE"
                + SEP + "alias" + SEP + "NAME" + SEP + t + SEP + SEP + SEP;
    }

    private static long sha256First8(String text) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(d, 0, 8).getLong();
    }

    private static long murmur3First64(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return MurmurHash3.hash128x64(b, 0, b.length, 0)[0];
    }

    @Test
    void theCurrentSchemeIsMurmur3_withTheseGoldenValues() {
        assertThat(RecordFingerprints.SCHEME).isEqualTo(RecordFingerprints.MURMUR3).isEqualTo(2);
        // computed once and checked then against Guava's murmur3_128(0).hashBytes(..).asLong(), an independent
        // implementation: a change of any of them is a change of scheme (see BookState)
        assertThat(RecordFingerprints.ofId("C1")).isEqualTo(0xD853EC3D790D5CF2L);
        assertThat(RecordFingerprints.ofId("CP000000001")).isEqualTo(0x98590D38C4980DB2L);
        assertThat(RecordFingerprints.ofId("Müller GmbH")).isEqualTo(0xC4E698D0E7C89266L);
        assertThat(RecordFingerprints.ofId("محمد علي")).isEqualTo(0xC7F15F0479570F02L);
        assertThat(RecordFingerprints.ofId("x".repeat(300))).isEqualTo(0x5934EFE32FB7671DL);
        assertThat(RecordFingerprints.of(new InputRecord(3, "CP000000001", List.of(ScreenedValue.name("name",
                "Müller GmbH", PartyType.ORGANIZATION, "1970", "DE"), ScreenedValue.name("alias", "Mueller", null, null,
                        null))))).isEqualTo(0x5E7B735A98EF5536L);
        // the line is not part of it
        assertThat(RecordFingerprints.of(new InputRecord(99, "CP000000001", List.of(ScreenedValue.name("name",
                "Müller GmbH", PartyType.ORGANIZATION, "1970", "DE"), ScreenedValue.name("alias", "Mueller", null, null,
                        null))))).isEqualTo(0x5E7B735A98EF5536L);
    }

    @Test
    void schemeOneStaysTheFirstEightBytesOfTheSha256() throws Exception {
        assertThat(RecordFingerprints.ofId(RecordFingerprints.SHA256, "C1")).isEqualTo(sha256First8("C1"));
        assertThat(new RecordFingerprints.Hasher(RecordFingerprints.SHA256).of(record("C1")))
                .isEqualTo(sha256First8(text("C1")));
        assertThat(RecordFingerprints.ofId(RecordFingerprints.SHA256, "C1")).isNotEqualTo(RecordFingerprints.ofId("C1"));
        assertThatThrownBy(() -> new RecordFingerprints.Hasher(3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdFingerprintIsTheFirst64BitsOfItsMurmur3_onEveryThread() {
        List<String> ids = IntStream.range(0, 20_000).mapToObj(i -> "C" + i).toList();
        long[] expected = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            expected[i] = murmur3First64(ids.get(i));
        }
        long[] got = new long[ids.size()];
        IntStream.range(0, ids.size()).parallel().forEach(i -> got[i] = RecordFingerprints.ofId(ids.get(i)));
        assertThat(got).containsExactly(expected);
        assertThat(java.util.Arrays.stream(got).distinct().count()).isEqualTo(ids.size());
    }

    @Test
    void aReusedHasherGivesTheFingerprintsOfTheFreshOnes_forAnyTextAndInAnyOrder_inBothSchemes() throws Exception {
        // ids and values in ASCII and not (accents, Arabic, Chinese, an emoji, a lone surrogate), short and longer
        // than the hasher's first buffer, each hashed after others of other lengths
        List<String> texts = List.of("C1", "", "CP000000001", "Müller GmbH", "محمد علي", "金正恩", "Emoji \uD83D\uDE00 Ltd",
                "lone \uD800 surrogate", "x".repeat(300), "y".repeat(40) + "é".repeat(200), "C2");
        RecordFingerprints.Hasher hasher = new RecordFingerprints.Hasher();
        RecordFingerprints.Hasher sha = new RecordFingerprints.Hasher(RecordFingerprints.SHA256);
        assertThat(hasher.scheme()).isEqualTo(RecordFingerprints.SCHEME);
        for (int round = 0; round < 2; round++) {
            for (String t : texts) {
                assertThat(hasher.ofId(t)).as(t).isEqualTo(murmur3First64(t)).isEqualTo(RecordFingerprints.ofId(t));
                assertThat(sha.ofId(t)).as(t).isEqualTo(sha256First8(t))
                        .isEqualTo(RecordFingerprints.ofId(RecordFingerprints.SHA256, t));
                InputRecord record = record(t);
                assertThat(hasher.of(record)).as(t).isEqualTo(murmur3First64(text(t)))
                        .isEqualTo(RecordFingerprints.of(record));
                assertThat(sha.of(record)).as(t).isEqualTo(sha256First8(text(t)));
            }
        }
    }
}
