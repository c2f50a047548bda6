package io.vigil.registry.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one row of the decision log does. Reviewers record {@link #FALSE_POSITIVE}, {@link #TRUE_MATCH},
 * {@link #ESCALATE}, {@link #REVOKE} and (four eyes) {@link #APPROVE}; the system records {@link #REOPEN} when a
 * cleared alert is re-raised and {@link #CLOSE} when its subject has left the book.
 */
public enum DecisionAction {
    FALSE_POSITIVE("false-positive", AlertState.CLEARED, true),
    TRUE_MATCH("true-match", AlertState.CONFIRMED, true),
    ESCALATE("escalate", AlertState.ESCALATED, true),
    /** A second reviewer's approval of a pending clearance (four eyes); sets the state the clearance asked for. */
    APPROVE("approve", null, true),
    /** Withdraws the alert's current decision: the alert is open again. */
    REVOKE("revoke", AlertState.OPEN, true),
    /** System: a cleared alert re-raised because its subject or listed entry changed, or the clearance expired. */
    REOPEN("reopen", AlertState.OPEN, false),
    /** System: the subject is no longer in the book. */
    CLOSE("close", AlertState.CLOSED, false);

    private final String label;
    private final AlertState state;
    private final boolean byReviewer;

    DecisionAction(String label, AlertState state, boolean byReviewer) {
        this.label = label;
        this.state = state;
        this.byReviewer = byReviewer;
    }

    /** As written in the log, the CLI and the workbook: {@code false-positive}, {@code true-match}… */
    public String label() {
        return label;
    }

    /** The state this action sets; null for {@link #APPROVE}, which sets the state of the clearance it approves. */
    public AlertState state() {
        return state;
    }

    /** True for the actions a reviewer records; false for the system's. */
    public boolean byReviewer() {
        return byReviewer;
    }

    /** The three decisions an analyst takes on an alert, as offered by the workbook's dropdown. */
    public static List<DecisionAction> analystDecisions() {
        return List.of(FALSE_POSITIVE, TRUE_MATCH, ESCALATE);
    }

    /** The action of a label, or empty. */
    public static Optional<DecisionAction> fromLabel(String label) {
        return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
    }
}
