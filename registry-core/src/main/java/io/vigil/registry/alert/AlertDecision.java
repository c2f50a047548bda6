package io.vigil.registry.alert;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the append-only decision log: a state change of one alert, by a reviewer or by the system.
 *
 * <p>Each row is bound to what the reviewer saw: the screened values ({@link #subject}) and the listed entries'
 * content ({@link #listed}) in the snapshot of the run the alert was seen in, so a later change of either re-raises a
 * clearance. Each row also carries the SHA-256 of the row before it ({@link #prevHash}) and its own
 * ({@link #rowHash}): see {@link DecisionChain}.
 *
 * @param seq position in the log, 1, 2, 3… with no gaps
 * @param alertId the alert decided
 * @param action what was decided
 * @param reviewer who decided ({@code vigil} for the system's rows)
 * @param decidedAt when, to the millisecond
 * @param reason why, in the reviewer's words (or the system's explanation)
 * @param runId the run (job execution id) in which the reviewer saw the alert; 0 when none
 * @param snapshotId the registry snapshot of that run; 0 when none
 * @param subject the screened values the reviewer saw
 * @param listed the listed entries' content the reviewer saw
 * @param approves for {@link DecisionAction#APPROVE}, the seq of the clearance approved; else 0
 * @param prevHash the previous row's {@link #rowHash} ({@link DecisionChain#GENESIS} for the first row)
 * @param rowHash SHA-256 of this row's content and {@code prevHash}
 */
public record AlertDecision(long seq, String alertId, DecisionAction action, String reviewer, Instant decidedAt,
        String reason, long runId, long snapshotId, ScreenedSubject subject, ListedContent listed, long approves,
        String prevHash, String rowHash) {

    public AlertDecision {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(decidedAt, "decidedAt");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(listed, "listed");
    }

    /** How reports and the CLI cite the row: {@code D-42}. */
    public String ref() {
        return ref(seq);
    }

    public static String ref(long seq) {
        return "D-" + seq;
    }

    /** The seq of a reference ({@code D-42} → 42), or -1 when it is not one. */
    public static long seqOf(String ref) {
        if (ref == null || !ref.startsWith("D-")) {
            return -1;
        }
        try {
            return Long.parseLong(ref.substring(2));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A copy sealed into the chain after {@code prev} (null for the first row): seq, prevHash and rowHash set. */
    public AlertDecision chainedAfter(long newSeq, String prev) {
        AlertDecision unsealed = new AlertDecision(newSeq, alertId, action, reviewer, decidedAt, reason, runId,
                snapshotId, subject, listed, approves, prev, "");
        return new AlertDecision(newSeq, alertId, action, reviewer, decidedAt, reason, runId, snapshotId, subject,
                listed, approves, prev, DecisionChain.hash(unsealed));
    }
}
