package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.VigilProperties;
import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.launch.RunLock;
import io.vigil.batch.screening.ScreeningLauncher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil screen counterparties|transactions --input FILE --business-date D [--out DIR] [--rerun]}. */
@Command(name = "screen", mixinStandardHelpOptions = true, description = "Runs a screening job on an input file.",
        subcommands = {ScreenCommand.Counterparties.class, ScreenCommand.Transactions.class})
class ScreenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "screen needs a subcommand: counterparties or transactions");
    }

    /** The options both subcommands share, and the run itself. */
    abstract static class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "FILE", description = "The input file.")
        Path input;

        @Option(names = "--business-date", required = true, paramLabel = "YYYY-MM-DD",
                description = "The business date the run is for (identifies the run, with the input file).")
        String businessDate;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Output directory (default: <data>/runs/<business-date>/<job>-<execution id>).")
        String out;

        @Option(names = "--rerun", description = "Screen again a date and file that already completed.")
        boolean rerun;

        @Option(names = "--book", paramLabel = "NAME", description = "The book whose alerts this run raises and "
                + "whose decisions it applies (default: vigil.alerts.counterparty-book or "
                + "vigil.alerts.transaction-book in config/).")
        String book;

        @Option(names = "--partitions", paramLabel = "N", description = "Split the input into N line-exact "
                + "partitions, screened by the workers of --broker (remote partitioning; see docs/scale-out.md).")
        Integer partitions;

        @Option(names = "--broker", paramLabel = "URL", description = "The broker the workers take partitions from "
                + "(tcp://host:61616); with --partitions.")
        String broker;

        private final ScreeningLauncher launcher;
        private final VigilProperties properties;
        private final java.time.Clock clock;
        private final io.vigil.batch.partition.BrokerConnections brokers;

        Run(ScreeningLauncher launcher, VigilProperties properties, java.time.Clock clock,
                io.vigil.batch.partition.BrokerConnections brokers) {
            this.launcher = launcher;
            this.properties = properties;
            this.clock = clock;
            this.brokers = brokers;
        }

        /** The run's partitioning, or null on one node; an unreachable broker fails here, before anything runs. */
        private ScreeningLauncher.Partitioning partitioning() {
            if (partitions == null && broker == null) {
                return null;
            }
            if (partitions == null || broker == null) {
                throw new VigilException(ExitCodes.USAGE, "--partitions and --broker go together");
            }
            if (partitions < 1 || partitions > 10_000) {
                throw new VigilException(ExitCodes.USAGE, "--partitions must be between 1 and 10000");
            }
            brokers.check(brokers.forManager(broker), broker);
            return new ScreeningLauncher.Partitioning(partitions, broker);
        }

        abstract String jobName();

        /** {@code delta}, {@code full}, or null for the configured default. */
        String mode() {
            return null;
        }

        @Override
        public Integer call() throws Exception {
            LocalDate date;
            try {
                date = LocalDate.parse(businessDate);
            } catch (DateTimeParseException e) {
                throw new VigilException(ExitCodes.USAGE, "--business-date '" + businessDate + "' is not YYYY-MM-DD");
            }
            ScreeningLauncher.Partitioning partitioning = partitioning();
            JobRuns.Outcome outcome;
            try (RunLock lock = RunLock.acquire(properties.dataDir(), jobName() + " " + date, clock.instant())) {
                outcome = launcher.launch(jobName(), input, date, out, rerun, book, mode(), partitioning);
            }
            PrintWriter w = spec.commandLine().getOut();
            if (outcome.alreadyCompleted()) {
                JobExecution prev = outcome.previous();
                w.printf(Locale.ROOT, "%s for %s and %s already completed (execution %d); nothing screened. Use "
                        + "--rerun to screen it again.%n", jobName(), date, input, prev.getId());
                w.flush();
                return ExitCodes.OK;
            }
            return report(outcome.execution(), w, spec.commandLine().getErr());
        }
    }

    static int report(JobExecution execution, PrintWriter out, PrintWriter err) {
        return report(execution, null, out, err);
    }

    /** Prints a finished execution's outcome; a night is described step by step by {@code nightly}. */
    static int report(JobExecution execution, io.vigil.batch.nightly.NightlyLauncher nightly, PrintWriter out,
            PrintWriter err) {
        int code = JobRuns.exitCode(execution);
        if (nightly != null && "nightlyJob".equals(execution.getJobInstance().getJobName())) {
            out.printf(Locale.ROOT, "nightlyJob %s, execution %d%n", execution.getStatus(), execution.getId());
            nightly.summary(execution).forEach(l -> out.println("  " + l));
            out.flush();
        } else if (code == ExitCodes.OK) {
            var ctx = execution.getExecutionContext();
            out.printf(Locale.ROOT, "%s %s, execution %d: %s%n", execution.getJobInstance().getJobName(),
                    execution.getStatus(), execution.getId(), ctx.containsKey("summary") ? ctx.getString("summary")
                            : "");
            out.printf(Locale.ROOT, "Outputs: %s%n", ctx.containsKey("out.dir") ? ctx.getString("out.dir") : "-");
            out.flush();
        }
        if (code != ExitCodes.OK) {
            err.printf(Locale.ROOT, "vigil: %s execution %d %s: %s%n", execution.getJobInstance().getJobName(),
                    execution.getId(), execution.getStatus(), JobRuns.failure(execution));
            if (code == ExitCodes.FAILED) {
                err.printf(Locale.ROOT, "Restart it with 'vigil restart %d' (or run the same command again).%n",
                        execution.getId());
            }
            err.flush();
        }
        return code;
    }

    /** {@code --delta} or {@code --full}: how a counterparty run screens (default: {@code vigil.screening.delta}). */
    static class ModeOption {
        @Option(names = "--delta", description = "Screen only what changed since the book's last screening (new and "
                + "changed records in full, the others against the parties added or changed since), when that gives "
                + "exactly what a full screen would; otherwise a full screen, and the summary says why.")
        boolean delta;

        @Option(names = "--full", description = "Screen every record against every party.")
        boolean full;

        String mode() {
            return delta ? "delta" : full ? "full" : null;
        }
    }

    @Command(name = "counterparties", mixinStandardHelpOptions = true,
            description = "Screens a counterparty file (id,name,type,date_of_birth,country,address).")
    static class Counterparties extends Run {
        @picocli.CommandLine.ArgGroup(exclusive = true)
        ModeOption mode;

        Counterparties(ScreeningLauncher launcher, VigilProperties properties, java.time.Clock clock,
                io.vigil.batch.partition.BrokerConnections brokers) {
            super(launcher, properties, clock, brokers);
        }

        @Override
        String mode() {
            return mode == null ? null : mode.mode();
        }

        @Override
        String jobName() {
            return "screenCounterpartiesJob";
        }
    }

    @Command(name = "transactions", mixinStandardHelpOptions = true,
            description = "Screens a transaction file: CSV, or ISO 20022 pacs.008 XML (recognised by its content).")
    static class Transactions extends Run {
        Transactions(ScreeningLauncher launcher, VigilProperties properties, java.time.Clock clock,
                io.vigil.batch.partition.BrokerConnections brokers) {
            super(launcher, properties, clock, brokers);
        }

        @Override
        String jobName() {
            return "screenTransactionsJob";
        }
    }
}
