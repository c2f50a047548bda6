package io.vigil.registry.match.index;

import io.vigil.registry.match.normalize.NameToken;
import io.vigil.registry.match.score.TokenWeights;
import io.vigil.registry.source.Hashing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * How often each token occurs among the list names of a snapshot, and the token weights that follow:
 * {@code ln(1 + N / (1 + df))}, floored at 1, where df counts the names containing the token (or any token sharing a
 * romanization key with it) and N the names. Rare tokens weigh more than common ones ({@code kim}, {@code trading}).
 *
 * <p>The weights are part of the matching method: a screen can only be repeated exactly, or done as a delta against
 * the parties that changed, with the same weights. So an index may take its weights from the statistics of a
 * <em>basis</em> snapshot ({@link IndexedRegistry#build(java.util.List, io.vigil.registry.link.PartyLinks,
 * io.vigil.registry.match.normalize.NameNormalizer, TokenStatistics)}) rather than from its own names; a token the
 * basis never saw weighs as the rarest. Stored as a compact deflated binary ({@link #encode()}), identified by the
 * SHA-256 of that encoding ({@link #fingerprint()}). Immutable and thread-safe.
 */
public final class TokenStatistics implements TokenWeights {

    private static final int FORMAT = 1;

    private final Map<String, Integer> textFrequency;
    private final Map<String, Integer> keyFrequency;
    private final int nameCount;

    TokenStatistics(Map<String, Integer> textFrequency, Map<String, Integer> keyFrequency, int nameCount) {
        // HashMap rather than Map.copyOf: every query token is looked up here, and most lookups miss, which the
        // immutable map's linear probing makes slower
        this.textFrequency = java.util.Collections.unmodifiableMap(new HashMap<>(textFrequency));
        this.keyFrequency = java.util.Collections.unmodifiableMap(new HashMap<>(keyFrequency));
        this.nameCount = nameCount;
    }

    @Override
    public float weight(NameToken token) {
        int df = textFrequency.getOrDefault(token.text(), 0);
        for (String k : token.keys()) {
            df = Math.max(df, keyFrequency.getOrDefault(k, 0));
        }
        return (float) Math.max(1.0, Math.log(1.0 + (double) nameCount / (1 + df)));
    }

    /** The number of list names counted. */
    public int nameCount() {
        return nameCount;
    }

    /** Distinct token texts counted. */
    public int tokenCount() {
        return textFrequency.size();
    }

    /** Deterministic: the same statistics always give the same bytes. */
    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeInt(nameCount);
            writeMap(out, textFrequency);
            writeMap(out, keyFrequency);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static TokenStatistics decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(encoded)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("token statistics of an unknown format " + format);
            }
            int names = in.readInt();
            return new TokenStatistics(readMap(in), readMap(in), names);
        } catch (IOException e) {
            throw new IllegalArgumentException("token statistics cannot be read: " + e.getMessage(), e);
        }
    }

    /** SHA-256 of {@link #encode()}. */
    public String fingerprint() {
        return Hashing.sha256(encode());
    }

    private static void writeMap(DataOutputStream out, Map<String, Integer> m) throws IOException {
        Map<String, Integer> sorted = new TreeMap<>(m);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Integer> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    private static Map<String, Integer> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Integer> m = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            m.put(in.readUTF(), in.readInt());
        }
        return m;
    }
}
