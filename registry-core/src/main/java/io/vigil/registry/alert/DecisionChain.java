package io.vigil.registry.alert;

import io.vigil.registry.source.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The hash chain that makes the decision log tamper-evident: each row's hash covers its content and the previous
 * row's hash, so editing, deleting or reordering any row breaks every hash after it. The head (the last row's seq
 * and hash) is printed in every report, so a printed report pins the log as it stood.
 *
 * <p>The hashed text is one {@code name=value} line per column in a fixed order, values with backslash, newline
 * and carriage return escaped.
 */
public final class DecisionChain {

    /** The {@code prevHash} of the first row. */
    public static final String GENESIS = "0".repeat(64);

    private DecisionChain() {
    }

    /** The SHA-256 of a row (its {@code rowHash} is ignored). */
    public static String hash(AlertDecision d) {
        StringBuilder sb = new StringBuilder();
        line(sb, "seq", Long.toString(d.seq()));
        line(sb, "prev", d.prevHash());
        line(sb, "alert", d.alertId());
        line(sb, "action", d.action().label());
        line(sb, "reviewer", d.reviewer());
        line(sb, "at", d.decidedAt().toString());
        line(sb, "reason", d.reason());
        line(sb, "run", Long.toString(d.runId()));
        line(sb, "snapshot", Long.toString(d.snapshotId()));
        line(sb, "subject.value", d.subject().value());
        line(sb, "subject.type", d.subject().type());
        line(sb, "subject.dob", d.subject().dateOfBirth());
        line(sb, "subject.country", d.subject().country());
        line(sb, "listed", d.listed().encode());
        line(sb, "approves", Long.toString(d.approves()));
        return Hashing.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void line(StringBuilder sb, String name, String value) {
        sb.append(name).append('=').append(value == null ? "" : value.replace("\\", "\\\\").replace("\n", "\\n")
                .replace("\r", "\\r")).append('\n');
    }

    /** The head of a log: its last row's seq and hash ({@code 0} and {@link #GENESIS} when empty). */
    public record Head(long seq, String hash) {
        public static final Head EMPTY = new Head(0, GENESIS);

        /** {@code 42 decisions, head D-42 sha256:ab12…} or {@code no decisions}. */
        public String describe() {
            return seq == 0 ? "no decisions recorded (head sha256:" + hash + ")"
                    : seq + " decisions, head " + AlertDecision.ref(seq) + " sha256:" + hash;
        }
    }

    /** The first broken row and why. */
    public record Break(long seq, String reason) {
    }

    /** Checks rows in seq order; call {@link #accept} for each, then {@link #result}. */
    public static final class Verifier {
        private String prev = GENESIS;
        private long expectedSeq = 1;
        private Break broken;
        private long rows;

        public void accept(AlertDecision d) {
            if (broken != null) {
                return;
            }
            rows++;
            if (d.seq() != expectedSeq) {
                broken = new Break(d.seq(), "expected row " + AlertDecision.ref(expectedSeq) + " next, found "
                        + d.ref() + " (a row was deleted or inserted)");
            } else if (!d.prevHash().equals(prev)) {
                broken = new Break(d.seq(), "its previous-row hash " + d.prevHash() + " is not the hash of row "
                        + AlertDecision.ref(d.seq() - 1) + " (" + prev + ")");
            } else if (!hash(d).equals(d.rowHash())) {
                broken = new Break(d.seq(), "its content does not match its hash " + d.rowHash()
                        + " (the row was edited)");
            }
            prev = d.rowHash();
            expectedSeq = d.seq() + 1;
        }

        public Optional<Break> result() {
            return Optional.ofNullable(broken);
        }

        public long rows() {
            return rows;
        }

        public Head head() {
            return new Head(expectedSeq - 1, prev);
        }
    }
}
