package io.vigil.registry.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The registry tables. Portable SQL (H2 2.x and PostgreSQL): unbounded {@code VARCHAR} instead of CLOB/TEXT,
 * {@code TIMESTAMP WITH TIME ZONE} for instants, {@code IF NOT EXISTS} everywhere.
 *
 * <p>In the Vigil application these tables are created by the Flyway migration {@code V2__registry_snapshots.sql}
 * (batch-jobs, one copy per database) before the store starts, so these statements then change nothing; they remain
 * for users of registry-core alone. A change to these tables goes into a new migration and into this class.
 */
final class Schema {

    static final List<String> DDL = List.of(
            """
            CREATE TABLE IF NOT EXISTS REGISTRY_SNAPSHOT (
              id BIGINT NOT NULL PRIMARY KEY,
              created_at TIMESTAMP WITH TIME ZONE NOT NULL,
              status VARCHAR(16) NOT NULL,
              party_count INTEGER NOT NULL,
              link_count INTEGER NOT NULL,
              note VARCHAR
            )""",
            """
            CREATE TABLE IF NOT EXISTS REGISTRY_SNAPSHOT_SOURCE (
              snapshot_id BIGINT NOT NULL REFERENCES REGISTRY_SNAPSHOT(id),
              source_index INTEGER NOT NULL,
              file_index INTEGER NOT NULL,
              source_type VARCHAR(100) NOT NULL,
              authority VARCHAR NOT NULL,
              list_name VARCHAR NOT NULL,
              publication_date DATE,
              publication_date_note VARCHAR,
              url VARCHAR,
              entry_count INTEGER NOT NULL,
              file_name VARCHAR,
              sha256 VARCHAR(64),
              size_bytes BIGINT,
              PRIMARY KEY (snapshot_id, source_index, file_index)
            )""",
            """
            CREATE TABLE IF NOT EXISTS REGISTRY_PARTY_CONTENT (
              content_hash VARCHAR(64) NOT NULL PRIMARY KEY,
              party_json VARCHAR NOT NULL
            )""",
            """
            CREATE TABLE IF NOT EXISTS REGISTRY_SNAPSHOT_PARTY (
              snapshot_id BIGINT NOT NULL REFERENCES REGISTRY_SNAPSHOT(id),
              party_id VARCHAR(255) NOT NULL,
              party_index INTEGER NOT NULL,
              party_type VARCHAR(16) NOT NULL,
              primary_name VARCHAR NOT NULL,
              content_hash VARCHAR(64) NOT NULL REFERENCES REGISTRY_PARTY_CONTENT(content_hash),
              link_group VARCHAR(255),
              PRIMARY KEY (snapshot_id, party_id)
            )""",
            "CREATE INDEX IF NOT EXISTS REGISTRY_SNAPSHOT_PARTY_GROUP ON REGISTRY_SNAPSHOT_PARTY(snapshot_id, link_group)",
            """
            CREATE TABLE IF NOT EXISTS REGISTRY_PARTY_LINK (
              snapshot_id BIGINT NOT NULL REFERENCES REGISTRY_SNAPSHOT(id),
              party_id VARCHAR(255) NOT NULL,
              linked_party_id VARCHAR(255) NOT NULL,
              reason VARCHAR NOT NULL,
              PRIMARY KEY (snapshot_id, party_id, linked_party_id)
            )""",
            """
            CREATE TABLE IF NOT EXISTS REGISTRY_SNAPSHOT_COUNT (
              snapshot_id BIGINT NOT NULL REFERENCES REGISTRY_SNAPSHOT(id),
              dimension VARCHAR(16) NOT NULL,
              group_name VARCHAR NOT NULL,
              item_name VARCHAR NOT NULL,
              party_count INTEGER NOT NULL,
              PRIMARY KEY (snapshot_id, dimension, group_name, item_name)
            )""",
            """
            CREATE TABLE IF NOT EXISTS REGISTRY_SNAPSHOT_HASH (
              snapshot_id BIGINT NOT NULL PRIMARY KEY REFERENCES REGISTRY_SNAPSHOT(id),
              content_hash VARCHAR(64) NOT NULL
            )""",
            """
            CREATE TABLE IF NOT EXISTS REGISTRY_IMPORT_FAILURE (
              id BIGINT NOT NULL PRIMARY KEY,
              failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
              message VARCHAR NOT NULL
            )""");

    /** Tables holding rows of a snapshot, children first (for checks and clean-up). */
    static final List<String> SNAPSHOT_TABLES = List.of("REGISTRY_SNAPSHOT_HASH", "REGISTRY_PARTY_LINK",
            "REGISTRY_SNAPSHOT_PARTY", "REGISTRY_SNAPSHOT_COUNT", "REGISTRY_SNAPSHOT_SOURCE");

    private Schema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : DDL) {
                st.execute(ddl);
            }
        }
    }
}
