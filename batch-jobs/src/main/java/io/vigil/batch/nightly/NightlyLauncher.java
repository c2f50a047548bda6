package io.vigil.batch.nightly;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.screening.ScreeningLauncher;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Starts {@code nightlyJob}. A night is identified by its business date and its input files: the same night run
 * again says it already completed (unless a rerun is asked for, which also screens the files again), and a night
 * that failed is restarted where it stopped — the steps that completed are not repeated, and a screening job that
 * failed resumes from its last commit point.
 */
public class NightlyLauncher {

    static final String JOB = "nightlyJob";
    static final String COUNTERPARTIES = "counterparties.file";
    static final String TRANSACTIONS = "transactions.file";
    static final String REFRESH = "refresh.lists";
    static final String RERUN_SCREENING = "rerun.screening";

    /** The night's steps, in order. */
    static final List<String> STEPS = List.of("refreshLists", "nightlyCounterparties", "nightlyTransactions",
            "nightlyLookback");

    private final JobRuns runs;
    private final JobRepository repository;

    NightlyLauncher(JobRuns runs, JobRepository repository) {
        this.runs = runs;
        this.repository = repository;
    }

    /**
     * Runs the night.
     *
     * @param counterparties the counterparty file, or null
     * @param transactions the transaction file (CSV or pacs.008), or null
     * @param outDir where the screening jobs write (each in its own sub-directory), or null for the default
     * @param refresh download the configured list sources first
     * @param rerun run again a night that already completed, screening its files again
     */
    public JobRuns.Outcome launch(LocalDate businessDate, Path counterparties, Path transactions, Path outDir,
            boolean refresh, boolean rerun) throws Exception {
        return launch(businessDate, counterparties, transactions, outDir, refresh, rerun, null);
    }

    /** @param mode {@code delta} or {@code full} for the counterparty screening, or null for the default */
    public JobRuns.Outcome launch(LocalDate businessDate, Path counterparties, Path transactions, Path outDir,
            boolean refresh, boolean rerun, String mode) throws Exception {
        if (counterparties == null && transactions == null) {
            throw new VigilException(ExitCodes.USAGE, "nightly needs --counterparties FILE, --transactions FILE or "
                    + "both");
        }
        Path cp = counterparties == null ? null : ScreeningLauncher.checkedInput(counterparties);
        Path tx = transactions == null ? null : ScreeningLauncher.checkedInput(transactions);
        return runs.start(JOB, attempt -> {
            JobParametersBuilder b = new JobParametersBuilder()
                    .addLocalDate(ScreeningLauncher.BUSINESS_DATE, businessDate, true);
            if (cp != null) {
                b.addString(COUNTERPARTIES, cp.toString(), true);
            }
            if (tx != null) {
                b.addString(TRANSACTIONS, tx.toString(), true);
            }
            if (attempt > 0) {
                b.addLong(JobRuns.RERUN, attempt, true);
            }
            if (outDir != null) {
                b.addString(ScreeningLauncher.OUT_DIR, outDir.toAbsolutePath().normalize().toString(), false);
            }
            if (mode != null) {
                b.addString(io.vigil.batch.screening.DeltaPlanner.REQUESTED_MODE, mode, false);
            }
            return b.addString(REFRESH, Boolean.toString(refresh), false)
                    .addString(RERUN_SCREENING, Boolean.toString(rerun), false).toJobParameters();
        }, rerun);
    }

    /**
     * One line per step of a night: the lists, then each screening with its execution, summary and outputs. A step
     * that completed in an earlier execution of the same night (before a restart) is reported from there.
     */
    public List<String> summary(JobExecution night) {
        List<String> lines = new ArrayList<>();
        for (String name : STEPS) {
            StepExecution step = repository.getLastStepExecution(night.getJobInstance(), name);
            if (step == null) {
                lines.add(name + ": not run");
                continue;
            }
            var ctx = step.getExecutionContext();
            StringBuilder sb = new StringBuilder(step.getStepName()).append(": ");
            if (ctx.containsKey(RefreshListsTasklet.LISTS)) {
                sb.append(ctx.getString(RefreshListsTasklet.LISTS));
            } else {
                if (ctx.containsKey(ScreeningJobStep.EXECUTION_ID)) {
                    sb.append("execution ").append(ctx.getLong(ScreeningJobStep.EXECUTION_ID)).append(", ");
                }
                sb.append(ctx.containsKey(ScreeningJobStep.SUMMARY) ? ctx.getString(ScreeningJobStep.SUMMARY)
                        : step.getStatus().toString());
                if (ctx.containsKey(ScreeningJobStep.OUT_DIR)) {
                    sb.append(System.lineSeparator()).append("    outputs: ").append(ctx.getString(
                            ScreeningJobStep.OUT_DIR)).append(" (hits.csv, rejects.csv, report.xlsx, report.pdf, "
                            + "manifest.json)");
                }
            }
            lines.add(sb.toString());
        }
        return lines;
    }
}
