-- V4: delta screening and lookback.
-- What each screening run screened, one row per chunk, written in the chunk's transaction: the fingerprints of each
-- record's id and content (16 bytes a record; a later night's delta compares against them) and, for transactions,
-- the screened values themselves (deflated), which a lookback re-screens. Purged by business date (vigil purge).
CREATE TABLE IF NOT EXISTS SCREENED_RECORDS (
    JOB_INSTANCE_ID BIGINT NOT NULL,
    FIRST_LINE BIGINT NOT NULL,
    JOB_EXECUTION_ID BIGINT NOT NULL,
    JOB_NAME VARCHAR(100) NOT NULL,
    BUSINESS_DATE DATE NOT NULL,
    SNAPSHOT_ID BIGINT NOT NULL,
    RECORD_COUNT INT NOT NULL,
    FINGERPRINTS BYTEA NOT NULL,
    RECORDS BYTEA,
    PRIMARY KEY (JOB_INSTANCE_ID, FIRST_LINE)
);
CREATE INDEX IF NOT EXISTS SCREENED_RECORDS_DATE ON SCREENED_RECORDS (JOB_NAME, BUSINESS_DATE);

-- How a run was screened: full, delta (against which base run and snapshot) or lookback, and why.
CREATE TABLE IF NOT EXISTS SCREENING_SCOPE (
    JOB_INSTANCE_ID BIGINT NOT NULL PRIMARY KEY,
    MODE VARCHAR(10) NOT NULL,
    REASON VARCHAR(1000) NOT NULL,
    BASE_INSTANCE_ID BIGINT,
    BASE_SNAPSHOT_ID BIGINT,
    PARTIES_SCREENED BIGINT NOT NULL,
    PARTIES_ADDED BIGINT NOT NULL,
    PARTIES_CHANGED BIGINT NOT NULL,
    PARTIES_REMOVED BIGINT NOT NULL,
    RECORDS_FULL BIGINT NOT NULL,
    RECORDS_CHANGED_PARTIES BIGINT NOT NULL,
    RECORDS_REMOVED BIGINT NOT NULL,
    FROM_DATE DATE,
    TO_DATE DATE
);

-- The token weights each snapshot is matched with: the statistics of its basis snapshot (see docs/matching.md).
CREATE TABLE IF NOT EXISTS MATCHING_WEIGHTS (
    SNAPSHOT_ID BIGINT NOT NULL PRIMARY KEY,
    BASIS_SNAPSHOT_ID BIGINT NOT NULL,
    FINGERPRINT VARCHAR(64) NOT NULL,
    STATISTICS BYTEA NOT NULL
);
