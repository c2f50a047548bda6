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
