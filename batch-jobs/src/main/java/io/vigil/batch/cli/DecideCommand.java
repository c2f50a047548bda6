package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.alerts.AlertDecisions;
import io.vigil.registry.alert.DecisionAction;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil decide ALERT_ID... --as false-positive|true-match|escalate|revoke --reason TEXT --by NAME
 * [--approve] [--run RUN_ID]}: records a decision on each alert, all or none.
 */
@Command(name = "decide", mixinStandardHelpOptions = true, description = {"Records a decision on each alert, in the "
        + "append-only decision log. All or none: one alert that cannot take the decision records nothing.",
    "With four eyes on (vigil.alerts.four-eyes), a clearance takes effect once a second, different reviewer "
            + "approves it with --approve."})
class DecideCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ALERT_ID", description = "The alerts decided.")
    List<String> alertIds;

    @Option(names = "--as", required = true, paramLabel = "DECISION",
            description = "false-positive, true-match, escalate, or revoke (withdraws the current decision).")
    String as;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, in your words.")
    String reason;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "The reviewer.")
    String by;

    @Option(names = "--approve", description = "Approve the pending clearance of another reviewer (four eyes).")
    boolean approve;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "The run the alerts were seen in (default: the "
            + "latest run that raised each).")
    long run;

    private final AlertDecisions decisions;

    DecideCommand(AlertDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public Integer call() {
        DecisionAction action = DecisionAction.fromLabel(as.strip().toLowerCase(Locale.ROOT))
                .filter(a -> a.byReviewer() && a != DecisionAction.APPROVE)
                .orElseThrow(() -> new VigilException(ExitCodes.USAGE, "--as '" + as + "' is not false-positive, "
                        + "true-match, escalate or revoke"));
        List<AlertDecisions.Request> requests = new ArrayList<>();
        for (String id : alertIds) {
            requests.add(new AlertDecisions.Request(id, id, action, reason, by, approve, run, null));
        }
        List<AlertDecisions.Recorded> recorded;
        try {
            recorded = decisions.record(requests);
        } catch (AlertDecisions.Refused e) {
            PrintWriter err = spec.commandLine().getErr();
            e.problems().forEach(p -> err.println("vigil: " + p));
            err.println("vigil: nothing recorded");
            err.flush();
            return ExitCodes.USAGE;
        }
        PrintWriter w = spec.commandLine().getOut();
        for (AlertDecisions.Recorded r : recorded) {
            w.printf(Locale.ROOT, "%s %s: %s by %s%s; alert is now %s%n", r.decision().ref(), r.decision().alertId(),
                    r.decision().action().label(), r.decision().reviewer(), r.decision().approves() > 0
                            ? " (approves D-" + r.decision().approves() + ")" : "",
                    r.pendingApproval() ? r.state().label() + ", clearance awaiting a second reviewer"
                            : r.state().label());
        }
        w.flush();
        return ExitCodes.OK;
    }
}
