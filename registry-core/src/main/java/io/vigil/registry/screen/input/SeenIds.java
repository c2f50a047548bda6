package io.vigil.registry.screen.input;

import java.util.Arrays;

/**
 * The record ids seen so far in one file, each with the line where it was first seen: an open-addressing table of
 * 64-bit hashes and lines, 12 bytes a slot, at most three quarters full, and no id strings kept, so a file of
 * millions of rows fits in a small heap (1,000,000 ids take 24 MB, 4,000,000 take 96 MB). Two different ids share a 64-bit hash with a
 * probability of about n²/2⁶⁵ for n ids (3 in 100 million for a million rows), the only way an id can be
 * reported as a repeat when it is not.
 *
 * <p>Example: {@code firstLine("C-1", 2)} → -1 (new); then {@code firstLine("C-1", 9)} → 2.
 */
final class SeenIds {

    private static final long EMPTY = 0;
    private long[] hashes = new long[1 << 12];
    private int[] lines = new int[1 << 12];
    private int size;

    /** The line where {@code id} was first seen, or -1 when it is new (it is then remembered at {@code line}). */
    long firstLine(String id, long line) {
        long h = hash(id);
        int mask = hashes.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (hashes[i] != EMPTY) {
            if (hashes[i] == h) {
                return lines[i];
            }
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        lines[i] = (int) Math.min(Integer.MAX_VALUE, line);
        if (++size * 4 >= hashes.length * 3) {
            grow();
        }
        return -1;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldLines = lines;
        hashes = new long[oldHashes.length * 2];
        lines = new int[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int k = 0; k < oldHashes.length; k++) {
            long h = oldHashes[k];
            if (h == EMPTY) {
                continue;
            }
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (hashes[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            hashes[i] = h;
            lines[i] = oldLines[k];
        }
        Arrays.fill(oldHashes, 0);
    }

    /** A 64-bit hash of the id's characters (FNV-1a, then a finalising mix); never 0. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= id.length();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }
}
