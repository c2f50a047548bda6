package io.vigil.registry.delta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A book's state sorted from stored chunks: every record found by id, with its own content fingerprint. */
class BookStateTests {

    @Test
    void findsEveryRecordOfManyChunks_negativeIdsAndDuplicatesIncluded() {
        var random = new SplittableRandom(20261206);
        int n = 200_000;
        long[] ids = new long[n];
        long[] fps = new long[n];
        for (int i = 0; i < n; i++) {
            // full-range ids (half of them negative), some small ones, and a few duplicated ids with their own content
            ids[i] = i % 1000 == 7 ? ids[i - 1] : i % 10 == 3 ? random.nextLong(-5, 5) : random.nextLong();
            fps[i] = random.nextLong();
        }
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < n; from += 500) {
            int size = Math.min(500, n - from);
            chunks.add(BookState.encode(java.util.Arrays.copyOfRange(ids, from, from + size),
                    java.util.Arrays.copyOfRange(fps, from, from + size), size));
        }
        BookState state = BookState.of(chunks);

        assertThat(state.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            assertThat(state.contains(ids[i])).isTrue();
            assertThat(state.unchanged(ids[i], fps[i])).as("record %d", i).isTrue();
            assertThat(state.compare(ids[i], fps[i])).as("record %d", i).isEqualTo(BookState.UNCHANGED);
            // another content under the same id (unless a duplicate id holds that content too)
            long other = fps[i] + 1;
            assertThat(state.compare(ids[i], other)).isEqualTo(state.unchanged(ids[i], other) ? BookState.UNCHANGED
                    : BookState.CHANGED);
        }
        int absent = 0;
        for (int i = 0; i < 10_000; i++) {
            long id = random.nextLong();
            if (!contains(ids, id)) {
                absent++;
                assertThat(state.contains(id)).isFalse();
                assertThat(state.unchanged(id, fps[i])).isFalse();
                assertThat(state.compare(id, fps[i])).isEqualTo(BookState.ABSENT);
            }
        }
        assertThat(absent).isGreaterThan(9_000);
        assertThat(state.missingFrom(state)).isZero();
    }

    @Test
    void findsRecordsInBooksOfEverySize_andCountsThoseThatLeft() {
        var random = new SplittableRandom(7);
        for (int n : new int[] {0, 1, 2, 3, 5, 8, 17, 100, 1_000, 4_097, 70_000}) {
            long[] ids = new long[n];
            long[] fps = new long[n];
            for (int i = 0; i < n; i++) {
                // the extremes of the range and ids crowded into one range, as well as spread ones
                ids[i] = switch (i % 7) {
                    case 0 -> Long.MIN_VALUE + i;
                    case 1 -> Long.MAX_VALUE - i;
                    case 2 -> i;
                    case 3 -> -i;
                    default -> random.nextLong();
                };
                fps[i] = random.nextLong();
            }
            BookState state = BookState.of(List.of(BookState.encode(ids, fps, n)));
            java.util.Set<Long> all = new java.util.HashSet<>();
            for (long id : ids) {
                all.add(id);
            }
            for (int i = 0; i < n; i++) {
                assertThat(state.compare(ids[i], fps[i])).as("n=%d record %d", n, i).isEqualTo(BookState.UNCHANGED);
            }
            for (int i = 0; i < 2_000; i++) {
                long id = i % 2 == 0 ? random.nextLong() : Long.MIN_VALUE + n + i;
                assertThat(state.contains(id)).as("n=%d id %d", n, id).isEqualTo(all.contains(id));
            }
            // the next night keeps every third record and adds others: the rest left the book
            int kept = (n + 2) / 3;
            long[] nextIds = new long[kept + 10];
            long[] nextFps = new long[kept + 10];
            for (int i = 0; i < kept; i++) {
                nextIds[i] = ids[i * 3];
                nextFps[i] = fps[i * 3] + 1;
            }
            for (int i = kept; i < nextIds.length; i++) {
                nextIds[i] = random.nextLong();
            }
            BookState next = BookState.of(List.of(BookState.encode(nextIds, nextFps, nextIds.length)));
            java.util.Set<Long> left = new java.util.HashSet<>(all);
            for (long id : nextIds) {
                left.remove(id);
            }
            assertThat(state.missingFrom(next)).as("n=%d", n).isEqualTo(left.size());
        }
    }

    @Test
    void storedChunksSayTheirScheme_andThoseOfEarlierVersionsDecodeAsSchemeOne() {
        long[] ids = {3, -7, Long.MAX_VALUE};
        long[] fps = {30, 70, 90};
        // as every version before scheme 2 wrote a chunk: 16 bytes a record, id then content, big-endian, no header
        java.nio.ByteBuffer old = java.nio.ByteBuffer.allocate(48);
        for (int i = 0; i < 3; i++) {
            old.putLong(ids[i]).putLong(fps[i]);
        }
        byte[] oldChunk = old.array();
        assertThat(BookState.encode(RecordFingerprints.SHA256, ids, fps, 3)).isEqualTo(oldChunk);
        assertThat(BookState.schemeOf(oldChunk)).isEqualTo(RecordFingerprints.SHA256);
        BookState fromOld = BookState.of(List.of(oldChunk, java.util.Arrays.copyOfRange(oldChunk, 16, 32)));
        assertThat(fromOld.scheme()).isEqualTo(RecordFingerprints.SHA256);
        assertThat(fromOld.size()).isEqualTo(4);
        assertThat(fromOld.compare(-7, 70)).isEqualTo(BookState.UNCHANGED);
        assertThat(fromOld.compare(Long.MAX_VALUE, 90)).isEqualTo(BookState.UNCHANGED);

        // this version's: a 4-byte header (V F P, the scheme), so the length is never a multiple of 16
        byte[] chunk = BookState.encode(ids, fps, 3);
        assertThat(chunk).hasSize(4 + 48);
        assertThat(java.util.Arrays.copyOf(chunk, 4)).containsExactly('V', 'F', 'P', 2);
        assertThat(java.util.Arrays.copyOfRange(chunk, 4, chunk.length)).isEqualTo(oldChunk);
        assertThat(BookState.schemeOf(chunk)).isEqualTo(RecordFingerprints.SCHEME);
        BookState current = BookState.of(List.of(chunk));
        assertThat(current.scheme()).isEqualTo(RecordFingerprints.SCHEME);
        assertThat(current.size()).isEqualTo(3);
        assertThat(current.compare(3, 30)).isEqualTo(BookState.UNCHANGED);
        assertThat(BookState.of(List.of(BookState.encode(ids, fps, 0))).size()).isZero();
        assertThat(BookState.of(List.of()).scheme()).isEqualTo(RecordFingerprints.SCHEME);
        assertThat(BookState.empty().scheme()).isEqualTo(RecordFingerprints.SCHEME);

        // a later scheme (a newer version's chunks read by this one) is kept as what it is
        byte[] later = BookState.encode(7, ids, fps, 3);
        assertThat(BookState.of(List.of(later)).scheme()).isEqualTo(7);
        assertThat(BookState.of(List.of(later)).comparableWith(RecordFingerprints.SCHEME)).isFalse();

        // bytes of neither form are refused, not misread
        byte[] garbage = java.util.Arrays.copyOf(chunk, chunk.length);
        garbage[0] = 'X';
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BookState.of(List.of(garbage)))
                .isInstanceOf(IllegalStateException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BookState.schemeOf(new byte[17]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void statesOfDifferentSchemesAreNeverCompared() {
        long[] ids = {1, 2, 3};
        long[] fps = {10, 20, 30};
        BookState old = BookState.of(List.of(BookState.encode(RecordFingerprints.SHA256, ids, fps, 3)));
        BookState current = BookState.of(List.of(BookState.encode(new long[] {1}, new long[] {10}, 1)));
        assertThat(old.comparableWith(current.scheme())).isFalse();
        assertThat(current.missingFrom(current)).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> old.missingFrom(current))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme 1")
                .hasMessageContaining("scheme 2");
        // a run restarted across an upgrade: chunks of both schemes, comparable with neither
        BookState mixed = BookState.of(List.of(BookState.encode(RecordFingerprints.SHA256, ids, fps, 3),
                BookState.encode(new long[] {4}, new long[] {40}, 1)));
        assertThat(mixed.scheme()).isEqualTo(BookState.MIXED);
        assertThat(mixed.size()).isEqualTo(4);
        assertThat(mixed.comparableWith(RecordFingerprints.SHA256)).isFalse();
        assertThat(mixed.comparableWith(RecordFingerprints.SCHEME)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mixed.missingFrom(current))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> current.missingFrom(mixed))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sortsPairsBySignedIdKeepingEachContentWithItsId() {
        long[] ids = {5, Long.MIN_VALUE, -1, Long.MAX_VALUE, 0, -1};
        long[] fps = {50, 10, 20, 60, 40, 30};
        BookState.sortById(ids, fps);
        assertThat(ids).containsExactly(Long.MIN_VALUE, -1, -1, 0, 5, Long.MAX_VALUE);
        assertThat(fps).containsExactly(10, 20, 30, 40, 50, 60); // stable: the two -1 keep their order
    }

    private static boolean contains(long[] ids, long id) {
        for (long x : ids) {
            if (x == id) {
                return true;
            }
        }
        return false;
    }
}
