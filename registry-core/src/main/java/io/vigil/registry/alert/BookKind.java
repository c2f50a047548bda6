package io.vigil.registry.alert;

/**
 * The two kinds of book: a counterparty book, whose records are the same customers every night, and a payments
 * stream, where every payment is a new record and the screened party itself is the subject of an alert.
 */
public enum BookKind {
    COUNTERPARTIES, PAYMENTS
}
