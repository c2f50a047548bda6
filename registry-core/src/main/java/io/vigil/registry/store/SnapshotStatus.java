package io.vigil.registry.store;

/** A snapshot is ACTIVE (exactly one, the newest successful import) or SUPERSEDED by a later one. */
public enum SnapshotStatus {
    ACTIVE, SUPERSEDED
}
