package io.vigil.registry.store;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.model.Designation;
import io.vigil.registry.model.ListSource;
import io.vigil.registry.model.Party;
import io.vigil.registry.model.PartyType;
import io.vigil.registry.model.SourceFile;
import io.vigil.registry.source.ParsedList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * {@link SnapshotStore} over plain JDBC. Creates its {@code REGISTRY_*} tables when absent (H2 by default; the SQL is
 * portable to PostgreSQL). Party content is stored once per distinct canonical JSON ({@code REGISTRY_PARTY_CONTENT},
 * keyed by SHA-256), so a party unchanged between imports costs one small row per snapshot. Rows are inserted in
 * batches; parties are never updated. Timestamps come from the injected {@link Clock}.
 *
 * <p>One writer at a time: two concurrent {@link #save} calls would compute the same next id and the second fails
 * (and rolls back) on the primary key.
 *
 * <p>Example: {@code new JdbcSnapshotStore(h2DataSource, Clock.systemUTC()).save(content)} → {@code 1}.
 */
public final class JdbcSnapshotStore implements SnapshotStore {

    private static final int BATCH = 1000;
    private static final int IN_CHUNK = 500;
    private static final String PENDING = "PENDING";
    private static final String DIM_TYPE = "TYPE";
    private static final String DIM_AUTHORITY = "AUTHORITY";
    private static final String DIM_PROGRAM = "PROGRAM";

    private final DataSource dataSource;
    private final Clock clock;
    private final PartyJson json = new PartyJson();

    /** Connects, creates the tables when absent. */
    public JdbcSnapshotStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(true);
            try {
                Schema.create(c);
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new RegistryStoreException("creating the registry tables failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- writing

    @Override
    public long save(SnapshotContent content) {
        Objects.requireNonNull(content, "content");
        List<PartyJson.Encoded> encoded = new ArrayList<>();
        for (Party p : content.parties()) {
            encoded.add(json.encode(p));
        }
        Instant createdAt = clock.instant();
        long id = -1;
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                id = nextId(c, "REGISTRY_SNAPSHOT");
                insertSnapshot(c, id, createdAt, encoded.size(), content);
                insertSources(c, id, content.sources());
                insertContent(c, encoded);
                insertParties(c, id, encoded, content.links());
                insertLinks(c, id, content.links());
                insertCounts(c, id, content.parties());
                activate(c, id);
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw new RegistryStoreException("saving snapshot " + (id < 0 ? "" : id + " ") + "failed, "
                        + "the previous snapshot stays active: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new RegistryStoreException("saving snapshot failed: " + e.getMessage(), e);
        }
    }

    private static void insertSnapshot(Connection c, long id, Instant createdAt, int partyCount,
            SnapshotContent content) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO REGISTRY_SNAPSHOT"
                + " (id, created_at, status, party_count, link_count, note) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setObject(2, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            ps.setString(3, PENDING);
            ps.setInt(4, partyCount);
            ps.setInt(5, content.links().size());
            ps.setString(6, content.note());
            ps.executeUpdate();
        }
    }

    private static void insertSources(Connection c, long id, List<ParsedList> sources) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO REGISTRY_SNAPSHOT_SOURCE (snapshot_id,"
                + " source_index, file_index, source_type, authority, list_name, publication_date,"
                + " publication_date_note, url, entry_count, file_name, sha256, size_bytes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int s = 0; s < sources.size(); s++) {
                ListSource src = sources.get(s).source();
                List<SourceFile> files = src.files().isEmpty() ? Collections.singletonList(null) : src.files();
                for (int f = 0; f < files.size(); f++) {
                    SourceFile file = files.get(f);
                    ps.setLong(1, id);
                    ps.setInt(2, s);
                    ps.setInt(3, f);
                    ps.setString(4, src.sourceType());
                    ps.setString(5, src.authority());
                    ps.setString(6, src.listName());
                    if (src.publicationDate() == null) {
                        ps.setNull(7, Types.DATE);
                    } else {
                        ps.setObject(7, src.publicationDate());
                    }
                    ps.setString(8, src.publicationDateNote());
                    ps.setString(9, src.url());
                    ps.setInt(10, sources.get(s).entriesRead());
                    ps.setString(11, file == null ? null : file.name());
                    ps.setString(12, file == null ? null : file.sha256());
                    if (file == null) {
                        ps.setNull(13, Types.BIGINT);
                    } else {
                        ps.setLong(13, file.sizeBytes());
                    }
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void insertContent(Connection c, List<PartyJson.Encoded> encoded) throws SQLException {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (PartyJson.Encoded e : encoded) {
            wanted.putIfAbsent(e.hash(), e.json());
        }
        Set<String> existing = new HashSet<>();
        List<String> hashes = new ArrayList<>(wanted.keySet());
        for (int from = 0; from < hashes.size(); from += IN_CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + IN_CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT content_hash FROM REGISTRY_PARTY_CONTENT"
                    + " WHERE content_hash IN (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.add(rs.getString(1));
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO REGISTRY_PARTY_CONTENT (content_hash, party_json) VALUES (?, ?)")) {
            int pending = 0;
            for (Map.Entry<String, String> e : wanted.entrySet()) {
                if (existing.contains(e.getKey())) {
                    continue;
                }
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void insertParties(Connection c, long id, List<PartyJson.Encoded> encoded, PartyLinks links)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO REGISTRY_SNAPSHOT_PARTY (snapshot_id, party_id,"
                + " party_index, party_type, primary_name, content_hash, link_group) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (int i = 0; i < encoded.size(); i++) {
                Party p = encoded.get(i).party();
                ps.setLong(1, id);
                ps.setString(2, p.id());
                ps.setInt(3, i);
                ps.setString(4, p.type().name());
                ps.setString(5, p.primaryName());
                ps.setString(6, encoded.get(i).hash());
                ps.setString(7, links.groupKey(p.id()));
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void insertLinks(Connection c, long id, PartyLinks links) throws SQLException {
        if (links.size() == 0) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO REGISTRY_PARTY_LINK"
                + " (snapshot_id, party_id, linked_party_id, reason) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (PartyLink l : links.links()) {
                for (PartyLink directed : List.of(l, l.reversed())) {
                    ps.setLong(1, id);
                    ps.setString(2, directed.partyId());
                    ps.setString(3, directed.linkedPartyId());
                    ps.setString(4, directed.reason());
                    ps.addBatch();
                    pending++;
                }
                if (pending >= BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void insertCounts(Connection c, long id, List<Party> parties) throws SQLException {
        Map<String, Integer> byType = new TreeMap<>();
        Map<String, Integer> byAuthority = new TreeMap<>();
        Map<String, Map<String, Integer>> byProgram = new TreeMap<>();
        for (Party p : parties) {
            byType.merge(p.type().name(), 1, Integer::sum);
            Set<String> authorities = new TreeSet<>();
            Map<String, Set<String>> programs = new TreeMap<>();
            for (Designation d : p.designations()) {
                authorities.add(d.authority());
                if (d.program() != null && !d.program().isBlank()) {
                    programs.computeIfAbsent(d.authority(), k -> new TreeSet<>()).add(d.program());
                }
            }
            authorities.forEach(a -> byAuthority.merge(a, 1, Integer::sum));
            programs.forEach((a, ps) -> ps.forEach(
                    prog -> byProgram.computeIfAbsent(a, k -> new TreeMap<>()).merge(prog, 1, Integer::sum)));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO REGISTRY_SNAPSHOT_COUNT"
                + " (snapshot_id, dimension, group_name, item_name, party_count) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Integer> e : byType.entrySet()) {
                addCount(ps, id, DIM_TYPE, "", e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Integer> e : byAuthority.entrySet()) {
                addCount(ps, id, DIM_AUTHORITY, "", e.getKey(), e.getValue());
            }
            for (Map.Entry<String, Map<String, Integer>> a : byProgram.entrySet()) {
                for (Map.Entry<String, Integer> e : a.getValue().entrySet()) {
                    addCount(ps, id, DIM_PROGRAM, a.getKey(), e.getKey(), e.getValue());
                }
            }
            ps.executeBatch();
        }
    }

    private static void addCount(PreparedStatement ps, long id, String dimension, String group, String item,
            int count) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, dimension);
        ps.setString(3, group);
        ps.setString(4, item);
        ps.setInt(5, count);
        ps.addBatch();
    }

    private static void activate(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE REGISTRY_SNAPSHOT SET status = 'SUPERSEDED' WHERE status = 'ACTIVE' AND id <> ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE REGISTRY_SNAPSHOT SET status = 'ACTIVE' WHERE id = ? AND status = 'PENDING'")) {
            ps.setLong(1, id);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("snapshot " + id + " vanished before activation");
            }
        }
    }

    @Override
    public ImportFailure recordFailedImport(String message) {
        String text = message == null || message.isBlank() ? "(no message)" : message;
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                long id = nextId(c, "REGISTRY_IMPORT_FAILURE");
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO REGISTRY_IMPORT_FAILURE (id, failed_at, message) VALUES (?, ?, ?)")) {
                    ps.setLong(1, id);
                    ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                    ps.setString(3, text);
                    ps.executeUpdate();
                }
                c.commit();
                return new ImportFailure(id, now, text);
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new RegistryStoreException("recording the failed import failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Override
    public Optional<SnapshotInfo> active() {
        List<SnapshotInfo> infos = infos("status = 'ACTIVE'", null);
        return infos.isEmpty() ? Optional.empty() : Optional.of(infos.get(infos.size() - 1));
    }

    @Override
    public Optional<SnapshotInfo> find(long snapshotId) {
        List<SnapshotInfo> infos = infos("id = ?", snapshotId);
        return infos.isEmpty() ? Optional.empty() : Optional.of(infos.get(0));
    }

    @Override
    public List<SnapshotInfo> list() {
        return infos("status <> 'PENDING'", null);
    }

    private List<SnapshotInfo> infos(String where, Long param) {
        return read("reading snapshots", c -> {
            record Row(long id, Instant createdAt, SnapshotStatus status, int parties, int links, String note) {
            }
            Map<Long, Row> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at, status, party_count, link_count,"
                    + " note FROM REGISTRY_SNAPSHOT WHERE " + where + " AND status <> 'PENDING' ORDER BY id")) {
                if (param != null) {
                    ps.setLong(1, param);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getLong(1), new Row(rs.getLong(1),
                                rs.getObject(2, OffsetDateTime.class).toInstant(),
                                SnapshotStatus.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5), rs.getString(6)));
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            String scope = rows.size() == 1 ? "snapshot_id = " + rows.keySet().iterator().next() : "1 = 1";
            Map<Long, List<SnapshotSource>> sources = loadSources(c, scope);
            Map<Long, Counts> counts = loadCounts(c, scope);
            List<SnapshotInfo> out = new ArrayList<>();
            for (Row r : rows.values()) {
                Counts k = counts.getOrDefault(r.id(), new Counts());
                out.add(new SnapshotInfo(r.id(), r.createdAt(), r.status(), r.note(), r.parties(), r.links(),
                        sources.getOrDefault(r.id(), List.of()), unmodifiable(k.byType),
                        Collections.unmodifiableMap(k.byAuthority), frozen(k.byProgram)));
            }
            return out;
        });
    }

    private static Map<Long, List<SnapshotSource>> loadSources(Connection c, String scope) throws SQLException {
        record FileRow(long snapshot, int source, int file, String type, String authority, String listName,
                LocalDate published, String publishedNote, String url, int entries, SourceFile sourceFile) {
        }
        List<FileRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT snapshot_id, source_index, file_index, source_type,"
                + " authority, list_name, publication_date, publication_date_note, url, entry_count, file_name,"
                + " sha256, size_bytes FROM REGISTRY_SNAPSHOT_SOURCE WHERE " + scope
                + " ORDER BY snapshot_id, source_index, file_index")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String fileName = rs.getString(11);
                    SourceFile file = fileName == null ? null
                            : new SourceFile(fileName, rs.getString(12), rs.getLong(13));
                    rows.add(new FileRow(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                            rs.getInt(10), file));
                }
            }
        }
        Map<Long, List<SnapshotSource>> out = new HashMap<>();
        for (int i = 0; i < rows.size();) {
            FileRow first = rows.get(i);
            List<SourceFile> files = new ArrayList<>();
            int j = i;
            while (j < rows.size() && rows.get(j).snapshot() == first.snapshot()
                    && rows.get(j).source() == first.source()) {
                if (rows.get(j).sourceFile() != null) {
                    files.add(rows.get(j).sourceFile());
                }
                j++;
            }
            ListSource src = new ListSource(first.type(), first.authority(), first.listName(), first.published(),
                    first.publishedNote(), first.url(), files);
            out.computeIfAbsent(first.snapshot(), k -> new ArrayList<>()).add(
                    new SnapshotSource(src, first.entries()));
            i = j;
        }
        return out;
    }

    private static final class Counts {
        final EnumMap<PartyType, Integer> byType = new EnumMap<>(PartyType.class);
        final Map<String, Integer> byAuthority = new TreeMap<>();
        final Map<String, Map<String, Integer>> byProgram = new TreeMap<>();
    }

    private static Map<Long, Counts> loadCounts(Connection c, String scope) throws SQLException {
        Map<Long, Counts> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT snapshot_id, dimension, group_name, item_name,"
                + " party_count FROM REGISTRY_SNAPSHOT_COUNT WHERE " + scope)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Counts k = out.computeIfAbsent(rs.getLong(1), x -> new Counts());
                    String item = rs.getString(4);
                    int n = rs.getInt(5);
                    switch (rs.getString(2)) {
                        case DIM_TYPE -> k.byType.put(PartyType.valueOf(item), n);
                        case DIM_AUTHORITY -> k.byAuthority.put(item, n);
                        case DIM_PROGRAM -> k.byProgram.computeIfAbsent(rs.getString(3), x -> new TreeMap<>())
                                .put(item, n);
                        default -> {
                            // a dimension written by a newer version: ignored
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Optional<Party> party(long snapshotId, String partyId) {
        return read("reading party " + partyId + " of snapshot " + snapshotId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.party_json FROM REGISTRY_SNAPSHOT_PARTY sp"
                    + " JOIN REGISTRY_PARTY_CONTENT c ON c.content_hash = sp.content_hash"
                    + " WHERE sp.snapshot_id = ? AND sp.party_id = ?")) {
                ps.setLong(1, snapshotId);
                ps.setString(2, partyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(json.decode(rs.getString(1))) : Optional.<Party>empty();
                }
            }
        });
    }

    @Override
    public Optional<Party> partyContent(String contentHash) {
        return read("reading party content " + contentHash, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT party_json FROM REGISTRY_PARTY_CONTENT WHERE content_hash = ?")) {
                ps.setString(1, contentHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(json.decode(rs.getString(1))) : Optional.<Party>empty();
                }
            }
        });
    }

    @Override
    public List<Party> parties(long snapshotId) {
        return read("reading the parties of snapshot " + snapshotId, c -> {
            requireSnapshot(c, snapshotId);
            return List.copyOf(list(c, "SELECT c.party_json FROM REGISTRY_SNAPSHOT_PARTY sp"
                    + " JOIN REGISTRY_PARTY_CONTENT c ON c.content_hash = sp.content_hash"
                    + " WHERE sp.snapshot_id = ? ORDER BY sp.party_index",
                    rs -> json.decode(rs.getString(1)), snapshotId));
        });
    }

    @Override
    public List<Party> parties(long snapshotId, Collection<String> partyIds) {
        List<String> ids = List.copyOf(new TreeSet<>(partyIds));
        return read("reading parties of snapshot " + snapshotId, c -> {
            requireSnapshot(c, snapshotId);
            record Indexed(int index, Party party) {
            }
            List<Indexed> found = new ArrayList<>();
            // one indexed primary-key lookup per id: H2 does not use the index for long IN lists
            try (PreparedStatement ps = c.prepareStatement("SELECT sp.party_index, c.party_json"
                    + " FROM REGISTRY_SNAPSHOT_PARTY sp"
                    + " JOIN REGISTRY_PARTY_CONTENT c ON c.content_hash = sp.content_hash"
                    + " WHERE sp.snapshot_id = ? AND sp.party_id = ?")) {
                ps.setLong(1, snapshotId);
                for (String partyId : ids) {
                    ps.setString(2, partyId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            found.add(new Indexed(rs.getInt(1), json.decode(rs.getString(2))));
                        }
                    }
                }
            }
            found.sort(Comparator.comparingInt(Indexed::index));
            return found.stream().map(Indexed::party).toList();
        });
    }

    @Override
    public List<PartyEntry> entries(long snapshotId) {
        return read("reading the entries of snapshot " + snapshotId, c -> {
            requireSnapshot(c, snapshotId);
            return List.copyOf(list(c, "SELECT party_id, party_type, primary_name, content_hash"
                    + " FROM REGISTRY_SNAPSHOT_PARTY WHERE snapshot_id = ? ORDER BY party_index",
                    rs -> new PartyEntry(rs.getString(1), PartyType.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4)), snapshotId));
        });
    }

    @Override
    public Map<String, String> contentHashes(long snapshotId) {
        Map<String, String> out = new TreeMap<>();
        for (PartyEntry e : entries(snapshotId)) {
            out.put(e.partyId(), e.contentHash());
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public List<String> linkedIds(long snapshotId, String partyId) {
        return read("reading links of " + partyId, c -> {
            requireSnapshot(c, snapshotId);
            List<String> out = list(c, "SELECT o.party_id FROM REGISTRY_SNAPSHOT_PARTY p"
                    + " JOIN REGISTRY_SNAPSHOT_PARTY o ON o.snapshot_id = p.snapshot_id AND o.link_group = p.link_group"
                    + " WHERE p.snapshot_id = ? AND p.party_id = ? AND o.party_id <> p.party_id",
                    rs -> rs.getString(1), snapshotId, partyId);
            Collections.sort(out);
            return List.copyOf(out);
        });
    }

    @Override
    public List<PartyLink> links(long snapshotId, String partyId) {
        return read("reading links of " + partyId, c -> {
            requireSnapshot(c, snapshotId);
            List<PartyLink> out = list(c, "SELECT linked_party_id, reason FROM REGISTRY_PARTY_LINK"
                    + " WHERE snapshot_id = ? AND party_id = ?",
                    rs -> new PartyLink(partyId, rs.getString(1), rs.getString(2)), snapshotId, partyId);
            out.sort(Comparator.comparing(PartyLink::linkedPartyId));
            return List.copyOf(out);
        });
    }

    @Override
    public PartyLinks links(long snapshotId) {
        return read("reading links of snapshot " + snapshotId, c -> {
            requireSnapshot(c, snapshotId);
            return PartyLinks.of(list(c, "SELECT party_id, linked_party_id, reason"
                    + " FROM REGISTRY_PARTY_LINK WHERE snapshot_id = ?",
                    rs -> new PartyLink(rs.getString(1), rs.getString(2), rs.getString(3)), snapshotId));
        });
    }

    @Override
    public String contentHash(long snapshotId) {
        return read("hashing snapshot " + snapshotId, c -> {
            requireSnapshot(c, snapshotId);
            // a saved snapshot never changes, so its hash is computed once and kept (REGISTRY_SNAPSHOT_HASH)
            List<String> kept = list(c, "SELECT content_hash FROM REGISTRY_SNAPSHOT_HASH WHERE snapshot_id = ?",
                    rs -> rs.getString(1), snapshotId);
            if (!kept.isEmpty()) {
                return kept.get(0);
            }
            String hash = computeContentHash(c, snapshotId);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO REGISTRY_SNAPSHOT_HASH (snapshot_id, content_hash) VALUES (?, ?)")) {
                ps.setLong(1, snapshotId);
                ps.setString(2, hash);
                ps.executeUpdate();
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            } catch (SQLException e) {
                // another process kept the same hash first (a unique violation): theirs is the same value
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
            return hash;
        });
    }

    private static String computeContentHash(Connection c, long snapshotId) throws SQLException {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.security.MessageDigest digest = md;
        // in primary-key order (no sort); the position of each party is hashed with it
        list(c, "SELECT party_id, party_index, content_hash FROM REGISTRY_SNAPSHOT_PARTY WHERE snapshot_id = ?"
                + " ORDER BY snapshot_id, party_id", rs -> {
                    digest.update(("p\t" + rs.getString(1) + "\t" + rs.getInt(2) + "\t" + rs.getString(3) + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return Boolean.TRUE;
                }, snapshotId);
        list(c, "SELECT party_id, linked_party_id, reason FROM REGISTRY_PARTY_LINK WHERE snapshot_id = ?"
                + " ORDER BY snapshot_id, party_id, linked_party_id", rs -> {
                    digest.update(("l\t" + rs.getString(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3)
                            + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    return Boolean.TRUE;
                }, snapshotId);
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public List<ImportFailure> failedImports() {
        return read("reading failed imports", c -> {
            return List.copyOf(list(c, "SELECT id, failed_at, message FROM REGISTRY_IMPORT_FAILURE ORDER BY id",
                    rs -> new ImportFailure(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3))));
        });
    }

    // ---------------------------------------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new RegistryStoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * The rows of {@code sql}, each mapped by {@code row}, in the order the query gives them (a mutable list). The
     * parameters are bound in order: a {@code Long} with setLong, a {@code String} with setString.
     */
    private static <T> List<T> list(Connection c, String sql, RowMapper<T> row, Object... params)
            throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(BATCH);
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else if (params[i] instanceof String str) {
                    ps.setString(i + 1, str);
                } else {
                    throw new IllegalArgumentException("unsupported parameter type: " + params[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
        }
        return out;
    }

    private static void requireSnapshot(Connection c, long snapshotId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM REGISTRY_SNAPSHOT WHERE id = ? AND status <> 'PENDING'")) {
            ps.setLong(1, snapshotId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("no snapshot " + snapshotId);
                }
            }
        }
    }

    private static long nextId(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static Map<PartyType, Integer> unmodifiable(EnumMap<PartyType, Integer> m) {
        return Collections.unmodifiableMap(new EnumMap<>(m));
    }

    private static Map<String, Map<String, Integer>> frozen(Map<String, Map<String, Integer>> m) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(out);
    }
}
