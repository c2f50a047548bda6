-- V5: each snapshot's content hash (JdbcSnapshotStore.contentHash), stored once when it is first computed. A
-- snapshot's parties and links never change once it is saved, so neither does its hash; keeping it saves every
-- command that loads the matching index file from hashing the whole snapshot again. The same DDL is in
-- registry-core's Schema class (for users of registry-core alone).
CREATE TABLE IF NOT EXISTS REGISTRY_SNAPSHOT_HASH (
  snapshot_id BIGINT NOT NULL PRIMARY KEY REFERENCES REGISTRY_SNAPSHOT(id),
  content_hash VARCHAR(64) NOT NULL
);
