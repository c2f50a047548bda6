package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.alerts.AlertDecisions;
import io.vigil.batch.alerts.AlertStore;
import io.vigil.batch.alerts.DecisionLog;
import io.vigil.batch.alerts.DecisionSheet;
import io.vigil.registry.alert.AlertDecision;
import io.vigil.registry.alert.DecisionChain;
import io.vigil.registry.text.SafeCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil decisions import FILE | export [--out FILE] | verify}: the decision log. */
@Command(name = "decisions", mixinStandardHelpOptions = true, description = "The decision log: import a filled-in "
        + "Decisions sheet, export the log, verify its hash chain.", subcommands = {DecisionsCommand.Import.class,
            DecisionsCommand.Export.class, DecisionsCommand.Verify.class})
class DecisionsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "decisions needs a subcommand: import, export or verify");
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = {"Records the decisions filled in a "
            + "run's report.xlsx (its Decisions sheet) or a CSV with the same columns: alert_id, decision "
            + "(false-positive, true-match or escalate; empty: not decided yet), reason, reviewer.",
        "All or nothing: a bad row (unknown alert, decision not allowed, no reviewer or reason, an alert decided by "
                + "someone else since the workbook was written) refuses the whole file, naming every bad row."})
    static class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "report.xlsx or a CSV.")
        Path file;

        private final AlertDecisions decisions;

        Import(AlertDecisions decisions) {
            this.decisions = decisions;
        }

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new VigilException(ExitCodes.BAD_INPUT, file + ": no such readable file");
            }
            List<String> problems = new ArrayList<>();
            List<AlertDecisions.Request> requests;
            try {
                requests = DecisionSheet.read(file, problems);
            } catch (DecisionSheet.Unreadable e) {
                throw new VigilException(ExitCodes.BAD_INPUT, e.getMessage(), e);
            }
            List<AlertDecisions.Recorded> recorded = List.of();
            if (problems.isEmpty()) {
                try {
                    recorded = decisions.record(requests);
                } catch (AlertDecisions.Refused e) {
                    problems.addAll(e.problems());
                }
            } else {
                // report every bad row at once: check the rows that parsed too, recording nothing
                try {
                    decisions.check(requests);
                } catch (AlertDecisions.Refused e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                problems.forEach(p -> err.println("vigil: " + file.getFileName() + " " + p));
                err.printf(Locale.ROOT, "vigil: %s refused: %d bad row(s); no decision recorded%n", file,
                        problems.size());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            PrintWriter w = spec.commandLine().getOut();
            long pending = recorded.stream().filter(AlertDecisions.Recorded::pendingApproval).count();
            w.printf(Locale.ROOT, "%d decision(s) recorded from %s%s%n", recorded.size(), file, pending > 0
                    ? " (" + pending + " clearance(s) await a second reviewer)" : "");
            for (AlertDecisions.Recorded r : recorded) {
                w.printf(Locale.ROOT, "  %s %s %s by %s%n", r.decision().ref(), r.decision().alertId(),
                        r.decision().action().label(), r.decision().reviewer());
            }
            w.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Writes the decision log as CSV, in "
            + "log order, with each row's hashes.")
    static class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE (default: standard output).")
        Path out;

        private final DecisionLog log;

        Export(DecisionLog log) {
            this.log = log;
        }

        static final List<String> COLUMNS = List.of("ref", "seq", "alert_id", "action", "reviewer", "decided_at",
                "reason", "run_id", "snapshot_id", "screened_value", "type", "date_of_birth", "country",
                "listed_content", "approves", "prev_hash", "row_hash");

        @Override
        public Integer call() throws IOException {
            PrintWriter console = spec.commandLine().getOut();
            Writer w = out == null ? console : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
            long[] n = new long[1];
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                csv.printRecord(COLUMNS);
                log.forEach(d -> {
                    try {
                        csv.printRecord(d.ref(), d.seq(), d.alertId(), d.action().label(), SafeCsv.cell(d.reviewer()),
                                d.decidedAt().toString(), SafeCsv.cell(d.reason()), d.runId(), d.snapshotId(),
                                SafeCsv.cell(d.subject().value()), d.subject().type(),
                                SafeCsv.cell(d.subject().dateOfBirth()), d.subject().country(), d.listed().encode(),
                                d.approves(), d.prevHash(), d.rowHash());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    n[0]++;
                });
                csv.flush();
            }
            if (out != null) {
                console.printf(Locale.ROOT, "%d decision(s) written to %s%n", n[0], out);
                console.flush();
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = {"Checks the decision log's hash "
            + "chain, row by row, and that every head a run recorded (and its reports print) is still in the log.",
        "Exit 0 when intact; 3 naming the first broken row."})
    static class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final DecisionLog log;
        private final AlertStore alerts;

        Verify(DecisionLog log, AlertStore alerts) {
            this.log = log;
            this.alerts = alerts;
        }

        @Override
        public Integer call() {
            DecisionChain.Verifier verifier = new DecisionChain.Verifier();
            String unreadable = null;
            try {
                log.forEach(verifier::accept);
            } catch (IllegalStateException e) {
                unreadable = e.getMessage();
            }
            Optional<DecisionChain.Break> broken = verifier.result();
            PrintWriter err = spec.commandLine().getErr();
            if (broken.isPresent()) {
                err.printf(Locale.ROOT, "vigil: decision log broken at row %s: %s%n",
                        AlertDecision.ref(broken.get().seq()), broken.get().reason());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            if (unreadable != null) {
                err.println("vigil: decision log broken: " + unreadable);
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            DecisionChain.Head head = verifier.head();
            for (AlertStore.AlertRun run : alerts.runs()) {
                DecisionChain.Head recorded = run.chainHead();
                if (recorded.seq() == 0) {
                    continue;
                }
                Optional<AlertDecision> row = recorded.seq() <= head.seq() ? log.find(recorded.seq())
                        : Optional.empty();
                if (row.isEmpty() || !row.get().rowHash().equals(recorded.hash())) {
                    err.printf(Locale.ROOT, "vigil: decision log broken at row %s: run %d recorded it as its head "
                            + "(sha256:%s), but the log %s%n", AlertDecision.ref(recorded.seq()), run.executionId(),
                            recorded.hash(), row.isEmpty() ? "ends at " + AlertDecision.ref(head.seq())
                                    + " (rows were deleted)" : "holds sha256:" + row.get().rowHash() + " there");
                    err.flush();
                    return ExitCodes.BAD_INPUT;
                }
            }
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "Decision log intact: %s; %d run head(s) checked%n", head.describe(),
                    alerts.runs().size());
            w.flush();
            return ExitCodes.OK;
        }
    }
}
