package io.vigil.registry.match.index;

import io.vigil.registry.match.MatchPolicy;
import io.vigil.registry.match.normalize.NameNormalizer;
import io.vigil.registry.match.normalize.NamePartRoles;
import io.vigil.registry.match.normalize.NameToken;
import io.vigil.registry.match.normalize.NormalizedName;
import io.vigil.registry.match.score.ScorableName;
import io.vigil.registry.match.score.TokenWeights;
import io.vigil.registry.model.NameKind;
import io.vigil.registry.model.NameQuality;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyName;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The matching index of a snapshot on disk, so that a process answers its first query without normalizing every
 * list name again. The file holds what is costly to compute: every list name normalized (its tokens with their
 * romanization keys and skeletons, the joined pairs, the name-part roles), the token dictionary's tokens and postings,
 * the snapshot's own token statistics, and each party as its canonical JSON, deflated (inflated and decoded when the
 * party is first needed), with its links. The lookup tables (deletion neighbourhoods, trigrams) and the token weights are derived again on
 * loading, which is cheap.
 *
 * <p>A file is used only if its {@link Key} equals the one expected: the snapshot's content hash, the matching
 * method's fingerprint ({@link #methodFingerprint()}: algorithm version, this format, the normalization tables, the
 * ICU version and the registry-core jar) and the fingerprint of the pinned token weights. The whole file is covered
 * by a CRC-32 and an Adler-32 in its last 8 bytes, which detect damage (a partial write, a flipped bit, a
 * truncation); like the database beside it, the file is protected from deliberate changes by the data directory's
 * permissions, not by the checksums. Any mismatch, truncation or damage makes {@link #read} throw {@link Rejected},
 * and the caller builds the index again: a stale or damaged file can cost time, never a wrong result.
 *
 * <p>Layout (big-endian): magic {@code VIGILIDX}, format, the three key strings, then the parties (id, JSON length,
 * deflated JSON, linked ids, SWIFT BICs), the token table, the names, the dictionary (tokens, postings, and the hashed deletion
 * and trigram tables, whose hash function is part of the format), the own statistics' fingerprint and encoding
 * ({@link TokenStatistics#encode()}), and the checksums of everything before it. Strings are a length and UTF-8
 * bytes. No Java object serialization.
 */
public final class IndexFile {

    /** Bump when the layout or the meaning of what is stored changes. */
    public static final int FORMAT = 1;
    private static final long MAGIC = 0x564947494C494458L; // "VIGILIDX"
    /** The trailer: a CRC-32 and an Adler-32 of everything before it (zlib's, native and fast at any JIT level). */
    private static final int DIGEST_BYTES = 8;
    /** The normalization tables whose content the stored names depend on. */
    private static final List<String> TABLES = List.of("arabic-names.tsv", "honorifics.tsv",
            "korean-syllables.tsv", "legal-forms.tsv", "name-equivalents.tsv", "name-part-roles.tsv",
            "name-rewrites.tsv", "token-rewrites.tsv");
    private static volatile String methodFingerprint;

    private IndexFile() {
    }

    /**
     * What a stored index must have been built from to be used.
     *
     * @param snapshotHash the snapshot's content hash (its parties' content and links)
     * @param method {@link #methodFingerprint()}
     * @param weights the fingerprint of the token statistics the weights are pinned to
     */
    public record Key(String snapshotHash, String method, String weights) {
        public Key {
            Objects.requireNonNull(snapshotHash, "snapshotHash");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(weights, "weights");
        }

        /** A short hex digest of the key, for file names. */
        public String digest() {
            return sha256(String.join("\n", snapshotHash, method, weights).getBytes(StandardCharsets.UTF_8))
                    .substring(0, 16);
        }
    }

    /** A file that cannot be used; the reason says whether it is stale or damaged. */
    public static final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason);
        }

        Rejected(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /**
     * The fingerprint of what normalizes and indexes the names: {@link MatchPolicy#ALGORITHM_VERSION}, {@link #FORMAT},
     * the ICU version, the content of the normalization tables and of the jar holding the matching code. A change to
     * any of them makes older files stale.
     */
    public static String methodFingerprint() {
        String f = methodFingerprint;
        if (f == null) {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                md.update((MatchPolicy.ALGORITHM_VERSION + "\n" + FORMAT + "\nicu " + com.ibm.icu.util.VersionInfo.ICU_VERSION
                        + "\n").getBytes(StandardCharsets.UTF_8));
                // the matching code itself, when it runs from a jar (a rebuilt jar with other code gives other
                // bytes; the build is reproducible, so the same code gives the same ones)
                md.update(("code " + codeJarDigest() + "\n").getBytes(StandardCharsets.UTF_8));
                for (String table : TABLES) {
                    md.update((table + "\n").getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = NameNormalizer.class.getResourceAsStream(table)) {
                        md.update(in == null ? "missing".getBytes(StandardCharsets.UTF_8) : in.readAllBytes());
                    }
                }
                f = HexFormat.of().formatHex(md.digest());
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("cannot fingerprint the normalization tables", e);
            }
            methodFingerprint = f;
        }
        return f;
    }

    /** The SHA-256 of the jar holding this class, or "classes" when it runs from a directory (development). */
    private static String codeJarDigest() {
        try {
            var source = IndexFile.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "unknown";
            }
            java.net.URL location = source.getLocation();
            if ("file".equals(location.getProtocol())) {
                Path path = Path.of(location.toURI());
                if (!Files.isRegularFile(path)) {
                    return "classes";
                }
                return sha256(Files.readAllBytes(path));
            }
            // a jar nested in the application jar
            try (InputStream in = location.openStream()) {
                return sha256(in.readAllBytes());
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return "unreadable";
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the index atomically: to a temporary file beside {@code file}, then moved over it, so a reader sees
     * the old file or the new one, never a part.
     *
     * @param encoder a party's canonical JSON
     */
    public static void write(Path file, IndexedRegistry registry, Key key, Function<Party, String> encoder)
            throws IOException {
        byte[] bytes = encode(registry, key, encoder);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // a unique name beside it, created with the process's default permissions (as the database files are)
        Path tmp = Files.createFile(dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + System.nanoTime() + ".tmp"));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file's bytes (exposed for tests). */
    static byte[] encode(IndexedRegistry registry, Key key, Function<Party, String> encoder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(MAGIC);
        out.writeInt(FORMAT);
        writeString(out, key.snapshotHash());
        writeString(out, key.method());
        writeString(out, key.weights());

        int partyCount = registry.parties().size();
        out.writeInt(partyCount);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int p = 0; p < partyCount; p++) {
            writeString(out, registry.partyId(p));
            byte[] json = encoder.apply(registry.party(p)).getBytes(StandardCharsets.UTF_8);
            deflater.reset();
            deflater.setInput(json);
            deflater.finish();
            compressed.reset();
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                compressed.write(chunk, 0, n);
            }
            out.writeInt(json.length);
            out.writeInt(compressed.size());
            compressed.writeTo(out);
            writeStrings(out, registry.linkedIds(p));
            writeStrings(out, registry.swiftBics(p));
        }
        deflater.end();

        // the token table: every distinct token of the names, of their joined pairs and of the dictionary
        TokenTable table = new TokenTable();
        TokenDictionary dictionary = registry.dictionary();
        for (int id = 0; id < dictionary.size(); id++) {
            table.id(dictionary.token(id));
        }
        for (IndexedName n : registry.names()) {
            ScorableName s = n.scorable();
            for (int t = 0; t < s.size(); t++) {
                table.id(s.token(t));
                if (s.joined(t) != null) {
                    table.id(s.joined(t));
                }
            }
        }
        out.writeInt(table.tokens.size());
        for (NameToken t : table.tokens) {
            writeString(out, t.text());
            String[] keys = t.keys();
            out.writeInt(keys.length);
            for (String k : keys) {
                writeString(out, k);
            }
            writeString(out, t.skeleton());
            writeString(out, t.consonants());
            out.writeBoolean(t.fromAbjad());
        }

        out.writeInt(registry.names().size());
        for (IndexedName n : registry.names()) {
            out.writeInt(n.partyOrdinal());
            PartyName pn = n.name();
            writeString(out, pn.fullName());
            writeString(out, pn.givenName());
            writeString(out, pn.familyName());
            out.writeByte(pn.kind().ordinal());
            out.writeByte(pn.quality().ordinal());
            writeString(out, pn.script());
            out.writeByte(n.typeGroup().ordinal());
            ScorableName s = n.scorable();
            NormalizedName nn = s.normalized();
            writeString(out, nn.original());
            out.writeBoolean(nn.person());
            writeStrings(out, nn.legalForms());
            writeStrings(out, nn.honorifics());
            out.writeInt(s.size());
            for (int t = 0; t < s.size(); t++) {
                if (s.token(t) != nn.tokens().get(t)) {
                    throw new IllegalStateException("scorable tokens differ from the normalized tokens");
                }
                out.writeInt(table.id(s.token(t)));
                out.writeByte(s.role(t).ordinal());
            }
            for (int t = 0; t + 1 < s.size(); t++) {
                out.writeInt(s.joined(t) == null ? -1 : table.id(s.joined(t)));
            }
        }

        out.writeInt(dictionary.size());
        int[] df = dictionary.documentFrequencies();
        for (int id = 0; id < dictionary.size(); id++) {
            out.writeInt(table.id(dictionary.token(id)));
            out.writeInt(df[id]);
            out.writeBoolean(dictionary.joinedSomewhere(id));
            int[] postings = dictionary.postings(id);
            out.writeInt(postings.length);
            for (int name : postings) {
                out.writeInt(name);
            }
        }
        TokenDictionary.FuzzyTables fuzzy = dictionary.fuzzyTables();
        out.writeInt(fuzzy.longestDeletable());
        out.writeInt(fuzzy.longestTrigrammed());
        writeLongs(out, fuzzy.deletions().packed);
        writeLongs(out, fuzzy.trigrams().packed);
        TokenStatistics own = dictionary.statistics();
        writeString(out, own.fingerprint());
        byte[] statistics = own.encode();
        out.writeInt(statistics.length);
        out.write(statistics);
        out.flush();
        byte[] body = bytes.toByteArray();
        byte[] all = Arrays.copyOf(body, body.length + DIGEST_BYTES);
        System.arraycopy(digest(body, body.length), 0, all, body.length, DIGEST_BYTES);
        return all;
    }

    /** Distinct tokens by content (text, keys, skeleton, consonants, script), numbered in order of first sight. */
    private static final class TokenTable {
        final List<NameToken> tokens = new ArrayList<>();
        final Map<NameToken, Integer> byInstance = new IdentityHashMap<>();
        final Map<String, Integer> byContent = new HashMap<>();

        int id(NameToken t) {
            Integer id = byInstance.get(t);
            if (id != null) {
                return id;
            }
            String[] keys = t.keys();
            Arrays.sort(keys);
            String content = t.text() + '\u0000' + String.join("\u0001", keys) + '\u0000' + t.skeleton() + '\u0000'
                    + t.consonants() + '\u0000' + t.fromAbjad();
            id = byContent.get(content);
            if (id == null) {
                id = tokens.size();
                tokens.add(t);
                byContent.put(content, id);
            }
            byInstance.put(t, id);
            return id;
        }
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        ByteBuffer buf = ByteBuffer.allocate(values.length * 8);
        buf.asLongBuffer().put(values);
        out.write(buf.array());
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            writeString(out, v);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a stored index, after checking its key and its checksums.
     *
     * @param expected the key it must have
     * @param decoder a party from its canonical JSON (called when a party is first needed, on any thread)
     * @param normalizer the normalizer queries are prepared with (the same pipeline the names were normalized with)
     * @param pinnedWeights the statistics the token weights come from, asked for only when the key's weights are not
     *     the file's own statistics (the snapshot is not its own basis); may return null only when they are
     * @throws Rejected when the file is stale, truncated or damaged: build the index again
     * @throws IOException when the file cannot be read (missing: {@link java.nio.file.NoSuchFileException})
     */
    public static IndexedRegistry read(Path file, Key expected, Function<String, Party> decoder,
            NameNormalizer normalizer, Supplier<TokenStatistics> pinnedWeights) throws IOException, Rejected {
        return read(file, expected, decoder, () -> normalizer, pinnedWeights);
    }

    /**
     * As {@link #read(Path, Key, Function, NameNormalizer, Supplier)}, with the normalizer asked for only once the
     * file is decoded (it can be made on another thread meanwhile).
     */
    public static IndexedRegistry read(Path file, Key expected, Function<String, Party> decoder,
            Supplier<NameNormalizer> normalizer, Supplier<TokenStatistics> pinnedWeights)
            throws IOException, Rejected {
        return decode(Files.readAllBytes(file), expected, decoder, normalizer, pinnedWeights);
    }

    /** A stored index read before its caller knew which key it must have, and the key it was built for. */
    public record ReadAhead(Key key, IndexedRegistry registry) {
    }

    /**
     * Reads a stored index whose key is not known yet: a process reads the file while it starts, then compares
     * {@link ReadAhead#key()} with the key of the snapshot it screens against ({@link Key#equals}) and uses the index
     * only if they are equal. The checksums are checked as by {@link #read}. A file whose token weights are not its
     * own statistics (they are pinned to another snapshot's, which only the database holds) is not decoded: empty.
     *
     * @throws Rejected when the file is truncated or damaged
     */
    public static Optional<ReadAhead> readAhead(Path file, Function<String, Party> decoder,
            Supplier<NameNormalizer> normalizer) throws IOException, Rejected {
        byte[] bytes = Files.readAllBytes(file);
        Reader in = header(bytes);
        Key found = key(in);
        checksum(bytes);
        try {
            IndexedRegistry registry = body(in, decoder, normalizer, found.weights(), () -> {
                throw new PinnedElsewhere();
            });
            end(in);
            return Optional.of(new ReadAhead(found, registry));
        } catch (PinnedElsewhere e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new Rejected("damaged: " + e, e);
        }
    }

    /** Thrown out of a read-ahead's body when the weights are pinned to other statistics. */
    private static final class PinnedElsewhere extends RuntimeException {
        PinnedElsewhere() {
            super(null, null, false, false);
        }
    }

    static IndexedRegistry decode(byte[] bytes, Key expected, Function<String, Party> decoder,
            Supplier<NameNormalizer> normalizer, Supplier<TokenStatistics> pinnedWeights) throws Rejected {
        Reader in = header(bytes);
        Key found = key(in);
        if (!found.snapshotHash().equals(expected.snapshotHash())) {
            throw new Rejected("stale: built from other snapshot content");
        }
        if (!found.method().equals(expected.method())) {
            throw new Rejected("stale: built by another matching method or normalization tables");
        }
        if (!found.weights().equals(expected.weights())) {
            throw new Rejected("stale: built for other token weights");
        }
        checksum(bytes);
        try {
            IndexedRegistry registry = body(in, decoder, normalizer, expected.weights(), pinnedWeights);
            end(in);
            return registry;
        } catch (RuntimeException e) {
            // a file with a valid checksum but an inconsistent body: written by a faulty build
            throw new Rejected("damaged: " + e, e);
        }
    }

    /** A reader over the file's bytes (the digest left out), past the magic number and the format. */
    private static Reader header(byte[] bytes) throws Rejected {
        if (bytes.length < 8 + 4 + DIGEST_BYTES) {
            throw new Rejected("truncated (" + bytes.length + " bytes)");
        }
        Reader in = new Reader(bytes, bytes.length - DIGEST_BYTES);
        try {
            if (in.readLong() != MAGIC) {
                throw new Rejected("not a matching index file");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new Rejected("stale: format " + format + ", expected " + FORMAT);
            }
            return in;
        } catch (IndexOutOfBoundsException | IllegalArgumentException | NullPointerException e) {
            throw new Rejected("damaged header", e);
        }
    }

    private static Key key(Reader in) throws Rejected {
        try {
            return new Key(in.readString(), in.readString(), in.readString());
        } catch (IndexOutOfBoundsException | IllegalArgumentException | NullPointerException e) {
            throw new Rejected("damaged header", e);
        }
    }

    private static void checksum(byte[] bytes) throws Rejected {
        byte[] stored = Arrays.copyOfRange(bytes, bytes.length - DIGEST_BYTES, bytes.length);
        if (!MessageDigest.isEqual(stored, digest(bytes, bytes.length - DIGEST_BYTES))) {
            throw new Rejected("damaged: checksum mismatch");
        }
    }

    private static void end(Reader in) throws Rejected {
        if (in.position != in.limit) {
            throw new Rejected("damaged: " + (in.limit - in.position) + " unexpected bytes at the end");
        }
    }

    private static IndexedRegistry body(Reader in, Function<String, Party> decoder,
            Supplier<NameNormalizer> normalizer, String weightsFingerprint, Supplier<TokenStatistics> pinnedWeights) {
        int partyCount = in.readCount();
        String[] ids = new String[partyCount];
        int[] jsonLength = new int[partyCount];
        int[] jsonAt = new int[partyCount];
        int[] jsonStored = new int[partyCount];
        List<List<String>> linked = new ArrayList<>(partyCount);
        List<List<String>> bics = new ArrayList<>(partyCount);
        for (int p = 0; p < partyCount; p++) {
            ids[p] = in.readString();
            jsonLength[p] = in.readCount();
            jsonStored[p] = in.readCount();
            jsonAt[p] = in.position;
            in.skip(jsonStored[p]);
            linked.add(in.readStrings());
            bics.add(in.readStrings());
        }
        int tokenCount = in.readCount();
        NameToken[] table = new NameToken[tokenCount];
        for (int i = 0; i < tokenCount; i++) {
            String text = in.readString();
            int keyCount = in.readCount();
            String[] keys = new String[keyCount];
            for (int k = 0; k < keyCount; k++) {
                keys[k] = in.readString();
            }
            table[i] = new NameToken(text, keys, in.readString(), in.readString(), in.readBoolean());
        }

        int nameCount = in.readCount();
        record StoredName(int party, PartyName name, TypeGroup group, NormalizedName normalized, NameToken[] joined,
                NamePartRoles.Role[] roles) {
        }
        NameKind[] kinds = NameKind.values();
        NameQuality[] qualities = NameQuality.values();
        TypeGroup[] groups = TypeGroup.values();
        NamePartRoles.Role[] roleValues = NamePartRoles.Role.values();
        List<StoredName> stored = new ArrayList<>(nameCount);
        for (int i = 0; i < nameCount; i++) {
            int party = in.readInt();
            Objects.checkIndex(party, partyCount);
            PartyName name = new PartyName(in.readString(), in.readString(), in.readString(), kinds[in.readByte()],
                    qualities[in.readByte()], in.readString());
            TypeGroup group = groups[in.readByte()];
            String original = in.readString();
            boolean person = in.readBoolean();
            List<String> legalForms = in.readStrings();
            List<String> honorifics = in.readStrings();
            int size = in.readCount();
            NameToken[] tokens = new NameToken[size];
            NamePartRoles.Role[] roles = new NamePartRoles.Role[size];
            for (int t = 0; t < size; t++) {
                tokens[t] = table[in.readInt()];
                roles[t] = roleValues[in.readByte()];
            }
            NameToken[] joined = new NameToken[Math.max(0, size - 1)];
            for (int t = 0; t + 1 < size; t++) {
                int j = in.readInt();
                joined[t] = j < 0 ? null : table[j];
            }
            stored.add(new StoredName(party, name, group,
                    new NormalizedName(original, Arrays.asList(tokens), legalForms, honorifics, person), joined,
                    roles));
        }

        int dictionarySize = in.readCount();
        NameToken[] tokens = new NameToken[dictionarySize];
        int[] df = new int[dictionarySize];
        BitSet joinedSomewhere = new BitSet(dictionarySize);
        int[][] postings = new int[dictionarySize][];
        for (int id = 0; id < dictionarySize; id++) {
            tokens[id] = table[in.readInt()];
            df[id] = in.readInt();
            if (in.readBoolean()) {
                joinedSomewhere.set(id);
            }
            int n = in.readCount();
            int[] p = new int[n];
            for (int k = 0; k < n; k++) {
                p[k] = in.readInt();
                Objects.checkIndex(p[k], nameCount);
            }
            postings[id] = p;
        }
        int longestDeletable = in.readInt();
        int longestTrigrammed = in.readInt();
        TokenDictionary.HashedPostings deletions = TokenDictionary.HashedPostings.of(in.readLongs(), dictionarySize);
        TokenDictionary.HashedPostings trigrams = TokenDictionary.HashedPostings.of(in.readLongs(), dictionarySize);
        String ownFingerprint = in.readString();
        byte[] statistics = in.readBytes(in.readCount());
        TokenStatistics own = TokenStatistics.decode(statistics);
        // the weights: the file's own statistics when the key's weights are theirs, else the pinned ones
        TokenStatistics pinned = ownFingerprint.equals(weightsFingerprint) ? null
                : Objects.requireNonNull(pinnedWeights.get(), "pinned token weights");
        TokenWeights weights = pinned != null ? pinned : own;

        List<IndexedName> names = new ArrayList<>(nameCount);
        for (int i = 0; i < nameCount; i++) {
            StoredName s = stored.get(i);
            names.add(new IndexedName(i, s.party(), s.name(),
                    ScorableName.restore(s.normalized(), weights, s.joined(), s.roles()), s.group()));
        }
        TokenDictionary dictionary = new TokenDictionary(tokens, postings, df, joinedSomewhere, own, pinned, true,
                new TokenDictionary.FuzzyTables(deletions, trigrams, longestDeletable, longestTrigrammed));
        return new IndexedRegistry(new LazyParties(ids, in.b, jsonAt, jsonStored, jsonLength, decoder), List.of(ids),
                List.copyOf(bics), List.copyOf(linked),
                List.copyOf(names), dictionary, normalizer.get());
    }

    /**
     * The parties of a loaded index, each decoded from its JSON the first time it is asked for. A search touches a
     * few dozen of them; a screening run all, over its run. Thread-safe.
     */
    private static final class LazyParties extends AbstractList<Party> implements RandomAccess {
        private final String[] ids;
        /** The file's bytes; each party's JSON is deflated at {@code at[i]}, {@code stored[i]} bytes long. */
        private final byte[] file;
        private final int[] at;
        private final int[] stored;
        private final int[] length;
        private final AtomicReferenceArray<Party> decoded;
        private final Function<String, Party> decoder;

        LazyParties(String[] ids, byte[] file, int[] at, int[] stored, int[] length,
                Function<String, Party> decoder) {
            this.ids = ids;
            this.file = file;
            this.at = at;
            this.stored = stored;
            this.length = length;
            this.decoded = new AtomicReferenceArray<>(ids.length);
            this.decoder = decoder;
        }

        @Override
        public Party get(int index) {
            Party p = decoded.get(index);
            if (p == null) {
                p = decoder.apply(inflate(index));
                if (!p.id().equals(ids[index])) {
                    throw new IllegalStateException("matching index file: party " + index + " is " + p.id()
                            + ", expected " + ids[index]);
                }
                decoded.compareAndSet(index, null, p);
                p = decoded.get(index);
            }
            return p;
        }

        private String inflate(int index) {
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            try {
                inflater.setInput(file, at[index], stored[index]);
                byte[] out = new byte[length[index]];
                int n = 0;
                while (n < out.length && !inflater.finished()) {
                    int got = inflater.inflate(out, n, out.length - n);
                    if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += got;
                }
                if (n != out.length || !inflater.finished()) {
                    throw new IllegalStateException("matching index file: party " + ids[index] + " is damaged");
                }
                return new String(out, StandardCharsets.UTF_8);
            } catch (java.util.zip.DataFormatException e) {
                throw new IllegalStateException("matching index file: party " + ids[index] + " is damaged", e);
            } finally {
                inflater.end();
            }
        }

        @Override
        public int size() {
            return ids.length;
        }
    }

    /** Reads the big-endian layout {@link DataOutputStream} wrote, from a byte array, bounded by {@code limit}. */
    private static final class Reader {
        final byte[] b;
        private final int limit;
        int position;

        Reader(byte[] b, int limit) {
            this.b = b;
            this.limit = limit;
        }

        private void need(int n) {
            if (n < 0 || position + n > limit) {
                throw new IndexOutOfBoundsException("read past the end of the data");
            }
        }

        long readLong() {
            need(8);
            long v = ByteBuffer.wrap(b, position, 8).getLong();
            position += 8;
            return v;
        }

        int readInt() {
            need(4);
            int v = ((b[position] & 0xff) << 24) | ((b[position + 1] & 0xff) << 16) | ((b[position + 2] & 0xff) << 8)
                    | (b[position + 3] & 0xff);
            position += 4;
            return v;
        }

        /** A count: never negative nor more than the bytes left. */
        int readCount() {
            int n = readInt();
            if (n < 0 || n > limit - position) {
                throw new IllegalArgumentException("implausible count " + n);
            }
            return n;
        }

        byte readByte() {
            need(1);
            return b[position++];
        }

        boolean readBoolean() {
            byte v = readByte();
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("not a boolean: " + v);
            }
            return v == 1;
        }

        String readString() {
            int n = readInt();
            if (n == -1) {
                return null;
            }
            need(n);
            String s = new String(b, position, n, StandardCharsets.UTF_8);
            position += n;
            return s;
        }

        List<String> readStrings() {
            int n = readCount();
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = Objects.requireNonNull(readString());
            }
            return List.of(out);
        }

        void skip(int n) {
            need(n);
            position += n;
        }

        long[] readLongs() {
            int n = readCount();
            need(n * 8);
            long[] out = new long[n];
            ByteBuffer.wrap(b, position, n * 8).asLongBuffer().get(out);
            position += n * 8;
            return out;
        }

        byte[] readBytes(int n) {
            need(n);
            byte[] out = Arrays.copyOfRange(b, position, position + n);
            position += n;
            return out;
        }
    }

    private static byte[] digest(byte[] bytes, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, length);
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(bytes, 0, length);
        return ByteBuffer.allocate(DIGEST_BYTES).putInt((int) crc.getValue()).putInt((int) adler.getValue()).array();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
