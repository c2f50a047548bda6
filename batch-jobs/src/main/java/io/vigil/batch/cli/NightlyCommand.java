package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.VigilProperties;
import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.launch.RunLock;
import io.vigil.batch.nightly.NightlyLauncher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil nightly --business-date D [--counterparties F] [--transactions F] [--out DIR] [--rerun]}: refreshes
 * the lists when a configured source changed, then screens both files for the business date: {@code nightlyJob}.
 * The night is identified by the date and its files, so a night that failed half-way is resumed by running the same
 * command again: what completed is not screened twice, what failed restarts from its last commit point. Holds the
 * run lock, so two nights never overlap.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Refreshes the lists if their sources changed, then screens the counterparty and transaction "
                + "files for the business date.")
class NightlyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--business-date", required = true, paramLabel = "YYYY-MM-DD")
    String businessDate;

    @Option(names = "--counterparties", paramLabel = "FILE", description = "The counterparty file.")
    Path counterparties;

    @Option(names = "--transactions", paramLabel = "FILE", description = "The transaction file (CSV or pacs.008).")
    Path transactions;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory; each job writes to a sub-directory "
            + "(default: <data>/runs/<business-date>/<job>-<execution id>).")
    Path out;

    @Option(names = "--rerun", description = "Screen again files that already completed for this date.")
    boolean rerun;

    @picocli.CommandLine.ArgGroup(exclusive = true)
    ScreenCommand.ModeOption mode;

    @Option(names = "--no-refresh", description = "Do not download the configured list sources first.")
    boolean noRefresh;

    private final NightlyLauncher launcher;
    private final VigilProperties properties;
    private final Clock clock;

    NightlyCommand(NightlyLauncher launcher, VigilProperties properties, Clock clock) {
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
        PrintWriter o = spec.commandLine().getOut();
        try (RunLock lock = RunLock.acquire(properties.dataDir(), "nightly " + date, clock.instant())) {
            JobRuns.Outcome outcome = launcher.launch(date, counterparties, transactions, out, !noRefresh, rerun,
                    mode == null ? null : mode.mode());
            if (outcome.alreadyCompleted()) {
                o.printf(Locale.ROOT, "nightlyJob for %s already completed (execution %d); nothing screened. Use "
                        + "--rerun to run it again.%n", date, outcome.previous().getId());
                o.flush();
                return ExitCodes.OK;
            }
            return ScreenCommand.report(outcome.execution(), launcher, o, spec.commandLine().getErr());
        }
    }
}
