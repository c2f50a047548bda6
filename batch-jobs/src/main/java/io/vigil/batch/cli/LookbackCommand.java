package io.vigil.batch.cli;

import io.vigil.batch.VigilProperties;
import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.launch.RunLock;
import io.vigil.batch.lookback.LookbackLauncher;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil lookback --business-date D [--days N] [--out DIR] [--rerun]}: {@code lookbackJob}. */
@Command(name = "lookback", mixinStandardHelpOptions = true,
        description = "Re-screens the stored payments of the last N days against the parties added or changed since "
                + "they were screened, and writes a run directory (hits.csv, report.xlsx, report.pdf, manifest.json).")
class LookbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--business-date", required = true, paramLabel = "YYYY-MM-DD",
            description = "The last business date of the window (identifies the run, with --days).")
    String businessDate;

    @Option(names = "--days", paramLabel = "N", description = "Business dates covered, the last one included "
            + "(default: vigil.lookback.days).")
    Integer days;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: <data>/runs/<business-date>/lookbackJob-<execution id>).")
    String out;

    @Option(names = "--rerun", description = "Run again a lookback that already completed.")
    boolean rerun;

    private final LookbackLauncher launcher;
    private final VigilProperties properties;
    private final Clock clock;

    LookbackCommand(LookbackLauncher launcher, VigilProperties properties, Clock clock) {
        this.launcher = launcher;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        LocalDate date;
        try {
            date = LocalDate.parse(businessDate);
        } catch (DateTimeParseException e) {
            throw new VigilException(ExitCodes.USAGE, "--business-date '" + businessDate + "' is not YYYY-MM-DD");
        }
        int n = days != null ? days : properties.lookback().days();
        JobRuns.Outcome outcome;
        try (RunLock lock = RunLock.acquire(properties.dataDir(), "lookback " + date, clock.instant())) {
            outcome = launcher.launch(date, n, out, rerun);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (outcome.alreadyCompleted()) {
            w.printf(Locale.ROOT, "lookbackJob for %s and %d days already completed (execution %d); nothing "
                    + "screened. Use --rerun to run it again.%n", date, n, outcome.previous().getId());
            w.flush();
            return ExitCodes.OK;
        }
        return ScreenCommand.report(outcome.execution(), w, spec.commandLine().getErr());
    }
}
