package io.vigil.registry.alert;

import java.util.List;
import java.util.Optional;

/**
 * The state of one alert after its decisions, replayed in log order.
 *
 * <p>With four eyes on, a clearance ({@link DecisionAction#FALSE_POSITIVE}) is pending until a different reviewer
 * approves it ({@link DecisionAction#APPROVE}); until then the alert stays as it was. Any other decision takes
 * effect at once and withdraws a pending clearance.
 *
 * @param state the current state
 * @param effective the decision that set the state (for an approved clearance, the clearance itself: it holds what
 *     the reviewer saw); empty while the alert was never decided
 * @param approval the approval of the effective clearance, when four eyes approved it
 * @param pending a clearance awaiting its second reviewer
 * @param latest the alert's last row in the log
 */
public record AlertHistory(AlertState state, Optional<AlertDecision> effective, Optional<AlertDecision> approval,
        Optional<AlertDecision> pending, Optional<AlertDecision> latest) {

    public static final AlertHistory NONE = new AlertHistory(AlertState.OPEN, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** Replays the decisions of one alert, in seq order. */
    public static AlertHistory replay(List<AlertDecision> decisions, boolean fourEyes) {
        AlertState state = AlertState.OPEN;
        AlertDecision effective = null;
        AlertDecision approval = null;
        AlertDecision pending = null;
        AlertDecision latest = null;
        for (AlertDecision d : decisions) {
            latest = d;
            switch (d.action()) {
                case FALSE_POSITIVE -> {
                    if (fourEyes) {
                        pending = d;
                    } else {
                        state = AlertState.CLEARED;
                        effective = d;
                        approval = null;
                        pending = null;
                    }
                }
                case APPROVE -> {
                    if (pending != null && d.approves() == pending.seq()) {
                        state = pending.action().state();
                        effective = pending;
                        approval = d;
                        pending = null;
                    }
                }
                default -> {
                    state = d.action().state();
                    effective = d;
                    approval = null;
                    pending = null;
                }
            }
        }
        return new AlertHistory(state, Optional.ofNullable(effective), Optional.ofNullable(approval),
                Optional.ofNullable(pending), Optional.ofNullable(latest));
    }

    /** When the current state took effect: the approval's time for an approved clearance, else the decision's. */
    public Optional<java.time.Instant> effectiveSince() {
        return approval.map(AlertDecision::decidedAt).or(() -> effective.map(AlertDecision::decidedAt));
    }
}
