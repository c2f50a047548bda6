package io.vigil.registry.delta;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The records of a book as one screening saw them: for each record, the fingerprint of its id and of what was
 * screened ({@link RecordFingerprints}). Held as two sorted {@code long} arrays (16 bytes a record: 16 MB for a
 * million customers), so a later night finds each of its records with a binary search. Immutable.
 */
public final class BookState {

    private static final BookState EMPTY = new BookState(new long[0], new long[0]);

    private final long[] ids;
    private final long[] fingerprints;

    private BookState(long[] ids, long[] fingerprints) {
        this.ids = ids;
        this.fingerprints = fingerprints;
    }

    public static BookState empty() {
        return EMPTY;
    }

    /** The fingerprint pairs as {@link #encode} wrote them, chunk by chunk. */
    public static BookState of(List<byte[]> encodedChunks) {
        int n = 0;
        for (byte[] b : encodedChunks) {
            n += b.length / 16;
        }
        long[] ids = new long[n];
        long[] fps = new long[n];
        int i = 0;
        for (byte[] b : encodedChunks) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            while (buf.remaining() >= 16) {
                ids[i] = buf.getLong();
                fps[i++] = buf.getLong();
            }
        }
        sortById(ids, fps);
        return new BookState(ids, fps);
    }

    /**
     * Sorts the pairs by id in signed order (the order of {@link Arrays#binarySearch(long[], long)}), the record
     * fingerprints moving with their ids: a stable radix sort on 16 bits at a time, on two primitive arrays (a
     * million pairs sort in a few tens of milliseconds, without an object per pair).
     */
    static void sortById(long[] ids, long[] fps) {
        int n = ids.length;
        long[] ids2 = new long[n];
        long[] fps2 = new long[n];
        int[] counts = new int[1 << 16];
        long[] srcIds = ids;
        long[] srcFps = fps;
        long[] dstIds = ids2;
        long[] dstFps = fps2;
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(counts, 0);
            for (int k = 0; k < n; k++) {
                counts[digit(srcIds[k], shift)]++;
            }
            int sum = 0;
            for (int d = 0; d < counts.length; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (int k = 0; k < n; k++) {
                int at = counts[digit(srcIds[k], shift)]++;
                dstIds[at] = srcIds[k];
                dstFps[at] = srcFps[k];
            }
            long[] t = srcIds;
            srcIds = dstIds;
            dstIds = t;
            t = srcFps;
            srcFps = dstFps;
            dstFps = t;
        }
        // four passes: the sorted pairs are back in the caller's arrays
    }

    /** 16 bits of the id, the sign bit flipped so that unsigned digit order is signed order. */
    private static int digit(long id, int shift) {
        return (int) (((id ^ Long.MIN_VALUE) >>> shift) & 0xFFFF);
    }

    /** Id and record fingerprints, pair by pair, as stored with each chunk of a screening. */
    public static byte[] encode(long[] idFingerprints, long[] recordFingerprints, int count) {
        ByteBuffer buf = ByteBuffer.allocate(count * 16);
        for (int i = 0; i < count; i++) {
            buf.putLong(idFingerprints[i]).putLong(recordFingerprints[i]);
        }
        return buf.array();
    }

    public int size() {
        return ids.length;
    }

    /** Whether the book held a record with this id fingerprint. */
    public boolean contains(long idFingerprint) {
        return Arrays.binarySearch(ids, idFingerprint) >= 0;
    }

    /** {@link #compare}: the book held no record with this id. */
    public static final int ABSENT = -1;
    /** {@link #compare}: the book held the record, with other content. */
    public static final int CHANGED = 0;
    /** {@link #compare}: the book held the record with exactly this content. */
    public static final int UNCHANGED = 1;

    /**
     * {@link #contains} and {@link #unchanged} with one search: {@link #ABSENT}, {@link #CHANGED} or {@link
     * #UNCHANGED}.
     */
    public int compare(long idFingerprint, long recordFingerprint) {
        int i = Arrays.binarySearch(ids, idFingerprint);
        if (i < 0) {
            return ABSENT;
        }
        return sameContent(i, idFingerprint, recordFingerprint) ? UNCHANGED : CHANGED;
    }

    /** Whether the book held this record (id fingerprint) with exactly this content (record fingerprint). */
    public boolean unchanged(long idFingerprint, long recordFingerprint) {
        int i = Arrays.binarySearch(ids, idFingerprint);
        return i >= 0 && sameContent(i, idFingerprint, recordFingerprint);
    }

    /** Whether any record with this id (found at {@code i}) has this content. */
    private boolean sameContent(int i, long idFingerprint, long recordFingerprint) {
        // equal ids (a duplicate id in an older file) sit together: any of them with this content counts
        int lo = i;
        while (lo > 0 && ids[lo - 1] == idFingerprint) {
            lo--;
        }
        for (int k = lo; k < ids.length && ids[k] == idFingerprint; k++) {
            if (fingerprints[k] == recordFingerprint) {
                return true;
            }
        }
        return false;
    }

    /** How many of this state's records are not among {@code current} (records that left the book). */
    public long missingFrom(BookState current) {
        long missing = 0;
        for (int i = 0; i < ids.length; i++) {
            if ((i == 0 || ids[i] != ids[i - 1]) && !current.contains(ids[i])) {
                missing++;
            }
        }
        return missing;
    }
}
