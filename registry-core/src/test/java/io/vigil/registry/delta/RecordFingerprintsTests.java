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
}
