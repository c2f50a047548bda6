package io.vigil.registry.store;

import io.vigil.registry.link.PartyLink;
import io.vigil.registry.link.PartyLinks;
import io.vigil.registry.model.Party;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned registry: numbered, immutable snapshots of every imported party, exactly one of them ACTIVE.
 *
 * <p>Contract: {@link #save} writes a whole snapshot or nothing; on success the new snapshot is ACTIVE and the
 * previous one SUPERSEDED, on failure the previous one stays ACTIVE. Snapshot ids are 1, 2, 3… with no gaps.
 * Methods that take a snapshot id throw {@link java.util.NoSuchElementException} for an id that does not exist
 * (except {@link #find} and {@link #party}, which return empty). Database failures surface as
 * {@link RegistryStoreException}.
 *
 * <p>Example: {@code long id = store.save(content); store.active().get().id() == id;
 * store.party(id, "ofac:43598")} → {@code Optional[Party(ofac:43598 …)]}.
 */
public interface SnapshotStore {

    /** Writes a snapshot in one transaction, makes it ACTIVE and returns its id. */
    long save(SnapshotContent content);

    /** The ACTIVE snapshot, empty before the first import. */
    Optional<SnapshotInfo> active();

    /** The snapshot with this id, or empty. */
    Optional<SnapshotInfo> find(long snapshotId);

    /** Every snapshot, oldest first. */
    List<SnapshotInfo> list();

    /** One party of a snapshot, or empty when the snapshot does not hold it. */
    Optional<Party> party(long snapshotId, String partyId);

    /**
     * A party content by its hash (as {@link #contentHashes} gives it), whichever snapshot holds it, or empty. Party
     * content is stored once per distinct content, so a decision's content hash can be read back years later.
     */
    Optional<Party> partyContent(String contentHash);

    /** Every party of a snapshot in import order, read with a single query (for building the matching index). */
    List<Party> parties(long snapshotId);

    /** The parties of a snapshot with the given ids, in import order; ids the snapshot lacks are skipped. */
    List<Party> parties(long snapshotId, Collection<String> partyIds);

    /** Id, type, primary name and content hash of every party of a snapshot, in import order. */
    List<PartyEntry> entries(long snapshotId);

    /** Party id → content hash, sorted by party id (for diffs). */
    Map<String, String> contentHashes(long snapshotId);

    /** Every party linked to {@code partyId} in the snapshot, directly or transitively, sorted by id. */
    List<String> linkedIds(long snapshotId, String partyId);

    /** The direct links of {@code partyId} with their reasons, each seen from {@code partyId}, sorted. */
    List<PartyLink> links(long snapshotId, String partyId);

    /** All links of a snapshot. */
    PartyLinks links(long snapshotId);

    /**
     * The SHA-256 of a snapshot's content: its parties in order (id and the hash of their canonical JSON) and its
     * links. Equal content gives equal hashes, whatever the snapshot id; a stored matching index is checked against
     * it ({@link io.vigil.registry.match.index.IndexFile}).
     */
    String contentHash(long snapshotId);

    /** A party's canonical JSON, as the store keeps it. */
    static String partyJson(Party party) {
        return PartyJson.SHARED.encode(party).json();
    }

    /** A party from its canonical JSON. */
    static Party partyFromJson(String json) {
        return PartyJson.SHARED.decode(json);
    }

    /** Records a failed import (in its own transaction, outside any snapshot). */
    ImportFailure recordFailedImport(String message);

    /** Every recorded failed import, oldest first. */
    List<ImportFailure> failedImports();
}
