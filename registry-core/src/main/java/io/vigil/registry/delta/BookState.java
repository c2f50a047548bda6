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
    /**
     * Where each range of ids starts: the ids are fingerprints, spread evenly over the {@code long} range, so the
     * leading bits of an id (sign flipped, as sorted) tell in which few entries to search. {@code starts[b]} is the
     * first index whose id has leading bits {@code b} or more; a search looks only between {@code starts[b]} and
     * {@code starts[b + 1]} (a night's million records: about four entries, instead of twenty probes of a 16 MB array
     * most of which miss the processor's caches).
     */
    private final int[] starts;
    private final int bits;

    private BookState(long[] ids, long[] fingerprints) {
        this.ids = ids;
        this.fingerprints = fingerprints;
        // about four ids per range, at most 2^20 ranges (4 MB)
        this.bits = Math.min(20, Math.max(0, 30 - Integer.numberOfLeadingZeros(Math.max(1, ids.length))));
        this.starts = new int[(1 << bits) + 1];
        int b = 0;
        for (int i = 0; i < ids.length; i++) {
            int r = range(ids[i]);
            while (b <= r) {
                starts[b++] = i;
            }
        }
        while (b < starts.length) {
            starts[b++] = ids.length;
        }
    }

    /** The range of an id: its leading {@link #bits} bits, the sign flipped so that ranges follow signed order. */
    private int range(long id) {
        return bits == 0 ? 0 : (int) ((id ^ Long.MIN_VALUE) >>> (64 - bits));
    }

    /** {@link Arrays#binarySearch(long[], long)} within the id's range: an index of the id, or negative. */
    private int find(long id) {
        int r = range(id);
        return Arrays.binarySearch(ids, starts[r], starts[r + 1], id);
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
        return find(idFingerprint) >= 0;
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
        int i = find(idFingerprint);
        if (i < 0) {
            return ABSENT;
        }
        return sameContent(i, idFingerprint, recordFingerprint) ? UNCHANGED : CHANGED;
    }

    /** Whether the book held this record (id fingerprint) with exactly this content (record fingerprint). */
    public boolean unchanged(long idFingerprint, long recordFingerprint) {
        int i = find(idFingerprint);
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
