package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.alerts.AlertStore;
import io.vigil.batch.alerts.DecisionLog;
import io.vigil.batch.screening.ScreeningResults;
import io.vigil.registry.alert.AlertDecision;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vigil alerts [--status S] [--run RUN_ID] [--party PARTY_ID] [--book NAME] [--limit N] [--json]}: lists
 * alerts with their state and their latest night status.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = {"Lists alerts with their state.",
    "--status open|cleared|confirmed|escalated|closed filters on the alert's state; new|reraised|suppressed on its "
            + "status in the latest run that raised it; all (the default) on nothing."})
class AlertsCommand implements Callable<Integer> {

    private static final Set<String> STATUSES = Set.of("all", "open", "new", "reraised", "confirmed", "cleared",
            "escalated", "suppressed", "closed");

    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "STATUS", description = "all (default), open, new, reraised, "
            + "confirmed, cleared, escalated, suppressed or closed.")
    String status = "all";

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Only alerts raised in this run (execution id).")
    Long run;

    @Option(names = "--party", paramLabel = "PARTY_ID", description = "Only alerts on this listed entry.")
    String party;

    @Option(names = "--book", paramLabel = "NAME", description = "Only alerts of this book.")
    String book;

    @Option(names = "--limit", paramLabel = "N", description = "At most N alerts (default 1000).")
    int limit = 1000;

    @Option(names = "--json", description = "Print one JSON object {\"alerts\":[…]}.")
    boolean json;

    private final AlertStore alerts;
    private final DecisionLog decisions;
    private final ScreeningResults results;

    AlertsCommand(AlertStore alerts, DecisionLog decisions, ScreeningResults results) {
        this.alerts = alerts;
        this.decisions = decisions;
        this.results = results;
    }

    @Override
    public Integer call() {
        String s = status.strip().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(s)) {
            throw new VigilException(ExitCodes.USAGE, "--status '" + status + "' is not one of " + String.join(", ",
                    new java.util.TreeSet<>(STATUSES)));
        }
        if (limit < 1) {
            throw new VigilException(ExitCodes.USAGE, "--limit must be at least 1");
        }
        Long instance = null;
        if (run != null) {
            instance = results.findRun(run).orElseThrow(() -> new VigilException(ExitCodes.USAGE,
                    "no completed screening run with execution id " + run + " (see 'vigil jobs')")).instanceId();
        }
        List<AlertStore.Listed> found = alerts.list(new AlertStore.Query(s, instance, party, book, limit));
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            List<Object> out = new ArrayList<>();
            for (AlertStore.Listed l : found) {
                out.add(jsonOf(l));
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("alerts", out);
            w.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(root));
        } else if (found.isEmpty()) {
            w.println("No alerts" + (s.equals("all") ? "." : " with status " + s + "."));
        } else {
            w.printf(Locale.ROOT, "%-19s %-10s %-9s %-12s %-14s %-22s %5s  %s%n", "ALERT", "STATUS", "STATE", "BOOK",
                    "RECORD", "PARTY", "SCORE", "SCREENED VALUE / DECISION");
            for (AlertStore.Listed l : found) {
                AlertStore.Alert a = l.alert();
                w.printf(Locale.ROOT, "%-19s %-10s %-9s %-12s %-14s %-22s %5s  %s%s%n", a.alertId(), status(l),
                        a.state().label(), a.book(), a.recordId(), a.partyId().isEmpty() ? "-" : a.partyId(),
                        a.lastScore().toPlainString(), a.screenedValue(), l.lastDecisionSeq() > 0
                                ? "  [" + AlertDecision.ref(l.lastDecisionSeq()) + "]" : "");
            }
            w.printf(Locale.ROOT, "%d alert(s)%s%n", found.size(), found.size() == limit ? " (limit reached; use "
                    + "--limit)" : "");
        }
        w.flush();
        return ExitCodes.OK;
    }

    /**
     * The status shown: the state of a decided alert (cleared, confirmed, escalated, closed); for an open one, its
     * latest night status (new, reraised or open).
     */
    private static String status(AlertStore.Listed l) {
        return switch (l.alert().state()) {
            case OPEN -> l.lastStatus() == null ? "open" : switch (l.lastStatus()) {
                case NEW, RERAISED -> l.lastStatus().label();
                default -> "open";
            };
            default -> l.alert().state().label();
        };
    }

    private Map<String, Object> jsonOf(AlertStore.Listed l) {
        AlertStore.Alert a = l.alert();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alert_id", a.alertId());
        m.put("book", a.book());
        m.put("record_id", a.recordId());
        m.put("field", a.field());
        m.put("screened_value", a.screenedValue());
        m.put("party_id", a.partyId());
        m.put("status", status(l));
        m.put("state", a.state().label());
        m.put("last_status", l.lastStatus() == null ? null : l.lastStatus().label());
        m.put("score", a.lastScore());
        m.put("first_seen", a.firstSeen().toString());
        m.put("last_seen", a.lastSeen().toString());
        m.put("last_run", a.lastExecutionId());
        Map<String, Object> decision = null;
        if (l.lastDecisionSeq() > 0) {
            AlertDecision d = decisions.find(l.lastDecisionSeq()).orElseThrow();
            decision = new LinkedHashMap<>();
            decision.put("ref", d.ref());
            decision.put("action", d.action().label());
            decision.put("reviewer", d.reviewer());
            decision.put("decided_at", d.decidedAt().toString());
            decision.put("reason", d.reason());
            decision.put("run_id", d.runId());
        }
        m.put("decision", decision);
        return m;
    }
}
