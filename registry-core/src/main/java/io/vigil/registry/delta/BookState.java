package io.vigil.registry.delta;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * The records of a book as one screening saw them: for each record, the fingerprint of its id and of what was
 * screened ({@link RecordFingerprints}), and the fingerprint scheme they were computed by. Held as two sorted
 * {@code long} arrays (16 bytes a record: 16 MB for a million customers), so a later night finds each of its records
 * with a binary search. Immutable.
 * <p>
 * Stored chunk by chunk ({@link #encode}): a chunk of scheme 2 or later starts with a 4-byte header ({@code V F P}
 * and the scheme), then 16 bytes a record; a chunk of exactly 16 bytes a record, without header, is of scheme 1 (as
 * every version before scheme 2 wrote them), so the fingerprints stored by earlier versions still decode, as what
 * they are.
 */
public final class BookState {

    /** {@link #scheme()} of a state read from chunks of more than one scheme (a run restarted across an upgrade). */
    public static final int MIXED = 0;

    /** The header of a chunk of scheme 2 or later: these three bytes, then the scheme. */
    private static final byte[] MAGIC = {'V', 'F', 'P'};
    private static final int HEADER = MAGIC.length + 1;

    private static final BookState EMPTY = new BookState(new long[0], new long[0], RecordFingerprints.SCHEME);

    private final int scheme;
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

    private BookState(long[] ids, long[] fingerprints, int scheme) {
        this.scheme = scheme;
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

    /**
     * The fingerprint pairs as {@link #encode} wrote them, chunk by chunk. The state's scheme is its chunks' scheme,
     * {@link #MIXED} when they differ, the current one when there are none.
     */
    public static BookState of(List<byte[]> encodedChunks) {
        int n = 0;
        int scheme = -1;
        for (byte[] b : encodedChunks) {
            int s = schemeOf(b);
            scheme = scheme == -1 || scheme == s ? s : MIXED;
            n += (b.length - headerLength(s)) / 16;
        }
        long[] ids = new long[n];
        long[] fps = new long[n];
        int i = 0;
        for (byte[] b : encodedChunks) {
            ByteBuffer buf = ByteBuffer.wrap(b);
            buf.position(headerLength(schemeOf(b)));
            while (buf.remaining() >= 16) {
                ids[i] = buf.getLong();
                fps[i++] = buf.getLong();
            }
        }
        sortById(ids, fps);
        return new BookState(ids, fps, scheme == -1 ? RecordFingerprints.SCHEME : scheme);
    }

    /**
     * The scheme of one stored chunk: 1 for a chunk of exactly 16 bytes a record (no header), else the scheme its
     * header names.
     *
     * @throws IllegalStateException for bytes that are neither
     */
    public static int schemeOf(byte[] encodedChunk) {
        int length = encodedChunk.length;
        if (length % 16 == 0) {
            return RecordFingerprints.SHA256;
        }
        if (length % 16 == HEADER && encodedChunk[0] == MAGIC[0] && encodedChunk[1] == MAGIC[1]
                && encodedChunk[2] == MAGIC[2] && encodedChunk[3] > RecordFingerprints.SHA256) {
            return encodedChunk[3];
        }
        throw new IllegalStateException("stored record fingerprints of " + length + " bytes are neither 16 bytes a "
                + "record (scheme 1) nor a header of a later scheme and 16 bytes a record");
    }

    private static int headerLength(int scheme) {
        return scheme == RecordFingerprints.SHA256 ? 0 : HEADER;
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

    /**
     * Id and record fingerprints of the current scheme ({@link RecordFingerprints#SCHEME}), pair by pair, as stored
     * with each chunk of a screening: a header naming the scheme, then the pairs.
     */
    public static byte[] encode(long[] idFingerprints, long[] recordFingerprints, int count) {
        return encode(RecordFingerprints.SCHEME, idFingerprints, recordFingerprints, count);
    }

    /**
     * Id and record fingerprints of a given scheme, pair by pair: those of scheme 1 without header, as versions
     * before scheme 2 stored them; those of a later scheme after a header naming it.
     */
    public static byte[] encode(int scheme, long[] idFingerprints, long[] recordFingerprints, int count) {
        if (scheme < RecordFingerprints.SHA256 || scheme > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("no record fingerprint scheme " + scheme);
        }
        ByteBuffer buf = ByteBuffer.allocate(headerLength(scheme) + count * 16);
        if (scheme != RecordFingerprints.SHA256) {
            buf.put(MAGIC).put((byte) scheme);
        }
        for (int i = 0; i < count; i++) {
            buf.putLong(idFingerprints[i]).putLong(recordFingerprints[i]);
        }
        return buf.array();
    }

    public int size() {
        return ids.length;
    }

    /**
     * The scheme of the fingerprints held ({@link RecordFingerprints#SHA256}, {@link RecordFingerprints#MURMUR3}, a
     * later one), or {@link #MIXED}. Look records up only with fingerprints of this scheme.
     */
    public int scheme() {
        return scheme;
    }

    /** Whether this state's fingerprints can be compared with those of a scheme: the same single scheme. */
    public boolean comparableWith(int otherScheme) {
        return scheme != MIXED && scheme == otherScheme;
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

    /**
     * How many of this state's records are not among {@code current} (records that left the book).
     *
     * @throws IllegalArgumentException when the two states are not of the same single scheme (the count would be
     *     meaningless: see {@link #comparableWith})
     */
    public long missingFrom(BookState current) {
        if (!comparableWith(current.scheme)) {
            throw new IllegalArgumentException("record fingerprints of scheme " + scheme + " cannot be compared with "
                    + "those of scheme " + current.scheme);
        }
        long missing = 0;
        for (int i = 0; i < ids.length; i++) {
            if ((i == 0 || ids[i] != ids[i - 1]) && !current.contains(ids[i])) {
                missing++;
            }
        }
        return missing;
    }
}
