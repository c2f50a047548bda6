package io.vigil.batch.alerts;

import io.vigil.registry.alert.AlertDecision;
import io.vigil.registry.alert.AlertHistory;
import io.vigil.registry.alert.AlertState;
import io.vigil.registry.alert.DecisionAction;
import io.vigil.registry.alert.ListedContent;
import io.vigil.registry.alert.ScreenedSubject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records analysts' decisions: one by one ({@code vigil decide}) or a filled-in Decisions sheet at once
 * ({@code vigil decisions import}). Either way all or nothing: every request is checked first, and one bad request
 * records none. Each decision is bound to what its reviewer saw: the screened values and the listed entries'
 * content of the alert's sighting in the run named (by default the alert's latest run).
 */
public class AlertDecisions {

    /** The longest reviewer name and reason kept. */
    static final int MAX_REVIEWER = 200;
    static final int MAX_REASON = 4000;

    private final AlertStore alerts;
    private final DecisionLog log;
    private final AlertSettings settings;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public AlertDecisions(AlertStore alerts, DecisionLog log, AlertSettings settings, Clock clock,
            TransactionTemplate transactions) {
        this.alerts = alerts;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * One decision asked for.
     *
     * @param where where the request came from, for messages ({@code "row 7"}, {@code "A-3f…"})
     * @param alertId the alert
     * @param action false-positive, true-match, escalate or revoke
     * @param reason why
     * @param reviewer who
     * @param approve a second reviewer's approval of a pending clearance (four eyes)
     * @param runId the run the reviewer saw the alert in, or 0 for the alert's latest
     * @param expectedLastDecision for a workbook row: the alert's latest decision when the workbook was written
     *     ({@code D-12}, or empty for none); null when not known (no conflict check)
     */
    public record Request(String where, String alertId, DecisionAction action, String reason, String reviewer,
            boolean approve, long runId, String expectedLastDecision) {
    }

    /** Thrown with every problem found; nothing was recorded. */
    public static final class Refused extends RuntimeException {
        private final List<String> problems;

        Refused(List<String> problems) {
            super(problems.size() + " problem(s): " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** A decision recorded: its row and the alert's state after it. */
    public record Recorded(AlertDecision decision, AlertState state, boolean pendingApproval) {
    }

    /** Checks every request and records nothing; throws {@link Refused} naming every problem. */
    public void check(List<Request> requests) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> problems = new ArrayList<>();
        Map<String, List<AlertDecision>> history = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Request r : requests) {
            check(r, now, history, seen, problems).ifPresent(d -> {
                List<AlertDecision> h = new ArrayList<>(history.get(d.alertId()));
                h.add(d);
                history.put(d.alertId(), h);
            });
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
    }

    /** Checks every request, then records them all in one transaction (or none, throwing {@link Refused}). */
    public List<Recorded> record(List<Request> requests) {
        return transactions.execute(tx -> {
            // another process recording decisions on the same database waits until this one has committed
            log.lockForAppend();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<String> problems = new ArrayList<>();
            Map<String, List<AlertDecision>> history = new HashMap<>();
            Set<String> seen = new HashSet<>();
            List<AlertDecision> rows = new ArrayList<>();
            for (Request r : requests) {
                Optional<AlertDecision> row = check(r, now, history, seen, problems);
                row.ifPresent(d -> {
                    rows.add(d);
                    // later requests on the same alert see this one
                    List<AlertDecision> h = new ArrayList<>(history.get(d.alertId()));
                    h.add(d);
                    history.put(d.alertId(), h);
                });
            }
            if (!problems.isEmpty()) {
                throw new Refused(problems);
            }
            List<AlertDecision> sealed = log.append(rows);
            List<Recorded> recorded = new ArrayList<>();
            for (AlertDecision d : sealed) {
                List<AlertDecision> all = new ArrayList<>(history.get(d.alertId()));
                all.removeIf(x -> x.seq() == 0);
                all.add(d);
                AlertHistory h = AlertHistory.replay(all, settings.fourEyes());
                history.put(d.alertId(), all);
                alerts.setState(d.alertId(), h.state());
                recorded.add(new Recorded(d, h.state(), h.pending().isPresent()));
            }
            return recorded;
        });
    }

    private Optional<AlertDecision> check(Request r, Instant now, Map<String, List<AlertDecision>> history,
            Set<String> seen, List<String> problems) {
        String at = r.where() + ": ";
        int before = problems.size();
        if (r.alertId() == null || r.alertId().isBlank()) {
            problems.add(at + "no alert_id");
            return Optional.empty();
        }
        Optional<AlertStore.Alert> alert = alerts.find(r.alertId().strip());
        if (alert.isEmpty()) {
            problems.add(at + "unknown alert " + r.alertId());
            return Optional.empty();
        }
        String id = alert.get().alertId();
        if (!seen.add(id + (r.approve() ? "/approve" : ""))) {
            problems.add(at + "alert " + id + " is decided twice in the same request");
        }
        if (r.action() == null) {
            problems.add(at + "no decision given (false-positive, true-match or escalate)");
        } else if (!r.action().byReviewer() || r.action() == DecisionAction.APPROVE) {
            problems.add(at + "'" + r.action().label() + "' is not a decision a reviewer takes");
        }
        String reviewer = r.reviewer() == null ? "" : r.reviewer().strip();
        if (reviewer.isEmpty()) {
            problems.add(at + "no reviewer");
        } else if (reviewer.length() > MAX_REVIEWER || reviewer.equalsIgnoreCase(AlertSettings.SYSTEM)
                || reviewer.chars().anyMatch(Character::isISOControl)) {
            problems.add(at + "reviewer '" + reviewer + "' is not allowed (at most " + MAX_REVIEWER
                    + " characters, no control characters, not the system's name '" + AlertSettings.SYSTEM + "')");
        }
        String reason = r.reason() == null ? "" : r.reason().strip();
        if (reason.isEmpty()) {
            problems.add(at + "no reason");
        } else if (reason.length() > MAX_REASON) {
            problems.add(at + "reason longer than " + MAX_REASON + " characters");
        }
        List<AlertDecision> rows = history.computeIfAbsent(id, log::forAlert);
        AlertHistory h = AlertHistory.replay(rows, settings.fourEyes());
        if (r.expectedLastDecision() != null) {
            String current = h.latest().map(AlertDecision::ref).orElse("");
            if (!current.equals(r.expectedLastDecision().strip())) {
                AlertDecision d = h.latest().orElseThrow();
                problems.add(at + "conflict: alert " + id + " was decided after this file was written (" + d.ref()
                        + " " + d.action().label() + " by " + d.reviewer() + " at " + d.decidedAt() + "); not "
                        + "overwritten");
            }
        }
        if (r.action() == null || problems.size() > before) {
            return Optional.empty();
        }
        Optional<AlertStore.Sighting> sighting = r.runId() > 0 ? alerts.sightingInRun(id, r.runId())
                : alerts.lastSighting(id);
        if (sighting.isEmpty()) {
            problems.add(at + (r.runId() > 0 ? "alert " + id + " was not raised in run " + r.runId()
                    : "alert " + id + " has no run to decide it in"));
            return Optional.empty();
        }
        AlertStore.Sighting s = sighting.get();
        ScreenedSubject subject = s.subject();
        ListedContent listed = s.listed();
        long approves = 0;
        DecisionAction action = r.action();
        if (r.approve()) {
            if (!settings.fourEyes()) {
                problems.add(at + "four eyes is off (vigil.alerts.four-eyes): clearances need no approval");
                return Optional.empty();
            }
            AlertDecision p = h.pending().orElse(null);
            if (p == null || p.action() != r.action()) {
                problems.add(at + "alert " + id + " has no " + r.action().label() + " awaiting approval");
                return Optional.empty();
            }
            if (p.reviewer().equalsIgnoreCase(reviewer)) {
                problems.add(at + "the approver must be a different reviewer than " + p.reviewer() + ", who "
                        + "recorded " + p.ref());
                return Optional.empty();
            }
            approves = p.seq();
            subject = p.subject();
            listed = p.listed();
            action = DecisionAction.APPROVE;
        } else if (h.state() == AlertState.CLOSED) {
            problems.add(at + "alert " + id + " is closed (" + h.effective().map(AlertDecision::ref).orElse("")
                    + "): its subject left the book");
            return Optional.empty();
        } else if (action == DecisionAction.REVOKE && h.state() == AlertState.OPEN && h.pending().isEmpty()) {
            problems.add(at + "alert " + id + " is open: there is no decision to revoke");
            return Optional.empty();
        } else if (action != DecisionAction.REVOKE && action.state() == h.state()) {
            problems.add(at + "alert " + id + " is already " + h.state().label() + " ("
                    + h.effective().map(AlertDecision::ref).orElse("") + ")");
            return Optional.empty();
        } else if (action == DecisionAction.FALSE_POSITIVE && h.pending().isPresent()) {
            problems.add(at + "alert " + id + " already has a clearance awaiting approval ("
                    + h.pending().get().ref() + ")");
            return Optional.empty();
        }
        return Optional.of(new AlertDecision(0, id, action, reviewer, now, reason, s.executionId(), s.snapshotId(),
                subject, listed, approves, "", ""));
    }
}
