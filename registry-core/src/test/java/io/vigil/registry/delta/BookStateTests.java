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
