package io.vigil.batch.lookback;

import io.vigil.batch.screening.RunOutputsTasklet;
import io.vigil.batch.screening.ScreenedRecordStore;
import io.vigil.batch.screening.ScreeningJobs;
import io.vigil.batch.screening.ScreeningResults;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code lookbackJob}: re-screens the payments stored by the transaction runs of the last N days against the parties
 * designated or changed since they were screened, applies the payments book's decisions, and writes a run directory
 * like any screening run. Identified by {@code business.date} and {@code lookback.days}.
 */
@Configuration(proxyBeanMethods = false)
class LookbackJobConfiguration {

    @Bean
    Job lookbackJob(ScreeningJobs jobs, Step lookbackScreen, Step writeLookbackOutputs) {
        return jobs.job(ScreeningJobs.LOOKBACK_JOB, lookbackScreen, writeLookbackOutputs);
    }

    @Bean
    Step lookbackScreen(JobRepository jobRepository, PlatformTransactionManager transactionManager, ScreeningJobs jobs,
            ScreenedRecordStore records, ScreeningResults results) {
        return new StepBuilder("lookbackScreen", jobRepository)
                .tasklet(new LookbackScreenTasklet(jobs, records, results), transactionManager).build();
    }

    @Bean
    Step writeLookbackOutputs(ScreeningJobs jobs, RunOutputsTasklet runOutputsTasklet) {
        return jobs.outputsStep("writeLookbackOutputs", runOutputsTasklet);
    }

    @Bean
    LookbackLauncher lookbackLauncher(io.vigil.batch.launch.JobRuns runs, io.vigil.registry.store.SnapshotStore
            snapshots, io.vigil.batch.alerts.AlertSettings alerts) {
        return new LookbackLauncher(runs, snapshots, alerts);
    }
}
