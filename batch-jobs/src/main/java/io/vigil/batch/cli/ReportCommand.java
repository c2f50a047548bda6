package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.screening.RunOutputs;
import io.vigil.batch.screening.RunReportLoader;
import io.vigil.batch.screening.RunSummary;
import io.vigil.batch.screening.ScreeningResults;
import io.vigil.registry.store.SnapshotStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil report --run RUN_ID [--out DIR]}: writes a run's outputs again from the database — hits.csv,
 * rejects.csv, report.xlsx, report.pdf and manifest.json — byte for byte as the run wrote them.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Regenerates a screening run's reports (and hits.csv, rejects.csv, manifest.json) from the "
                + "database. The files are byte-identical to those the run wrote.",
                "RUN_ID is a job execution id of the run, as 'vigil jobs' lists it."})
class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "RUN_ID", description = "The run's execution id.")
    long runId;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: the run's own directory).")
    Path out;

    private final ScreeningResults results;
    private final SnapshotStore snapshots;

    private final io.vigil.batch.alerts.AlertStore alerts;
    private final io.vigil.batch.alerts.DecisionLog decisions;

    ReportCommand(ScreeningResults results, SnapshotStore snapshots, io.vigil.batch.alerts.AlertStore alerts,
            io.vigil.batch.alerts.DecisionLog decisions) {
        this.results = results;
        this.snapshots = snapshots;
        this.alerts = alerts;
        this.decisions = decisions;
    }

    @Override
    public Integer call() {
        RunSummary run = results.findRun(runId).orElseThrow(() -> new VigilException(ExitCodes.USAGE,
                "no completed screening run with execution id " + runId + " (see 'vigil jobs')"));
        if (run.finishedAt() == null) {
            throw new VigilException(ExitCodes.USAGE, "run " + runId + " was screened by a version without "
                    + "reports; its reports cannot be regenerated identically");
        }
        Path dir = (out != null ? out : Path.of(run.outDir())).toAbsolutePath().normalize();
        RunOutputs.HitCounts hits = new RunOutputs(results).writeAll(run,
                snapshots.find(run.snapshotId()).orElseThrow(), new RunReportLoader(results, snapshots, alerts, decisions), dir);
        PrintWriter w = spec.commandLine().getOut();
        w.println("Run " + run.executionId() + " (" + run.jobName() + ", business date " + run.businessDate() + "): "
                + hits.total() + " hits; reports written to " + dir);
        w.println("Check them with: vigil verify " + dir);
        w.flush();
        return ExitCodes.OK;
    }
}
