package io.vigil.batch.nightly;

import io.vigil.batch.VigilProperties;
import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.registry.ListImportService;
import io.vigil.batch.screening.ScreeningLauncher;
import io.vigil.registry.store.SnapshotStore;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code nightlyJob}: refresh the lists when a source changed, then run {@code screenCounterpartiesJob} and
 * {@code screenTransactionsJob} on the night's files (each screening job writes its own outputs and reports), then,
 * when the refresh brought new or changed parties, {@code lookbackJob} over the past payments.
 * Identified by the business date and the files.
 */
@Configuration(proxyBeanMethods = false)
class NightlyJobConfiguration {

    @Bean
    Job nightlyJob(JobRepository jobRepository, Step refreshLists, Step nightlyCounterparties,
            Step nightlyTransactions, Step nightlyLookback) {
        return new JobBuilder(NightlyLauncher.JOB, jobRepository).start(refreshLists).next(nightlyCounterparties)
                .next(nightlyTransactions).next(nightlyLookback).build();
    }

    @Bean
    Step nightlyLookback(JobRepository jobRepository, io.vigil.batch.lookback.LookbackLauncher launcher,
            io.vigil.batch.screening.ScreeningJobs jobs, SnapshotStore snapshots, VigilProperties properties) {
        return new StepBuilder("nightlyLookback", jobRepository).tasklet(new NightlyLookbackTasklet(launcher,
                jobRepository, jobs, snapshots, properties.lookback().onRefresh(), properties.lookback().days()),
                new ResourcelessTransactionManager()).build();
    }

    @Bean
    Step refreshLists(JobRepository jobRepository, RefreshListsTasklet refreshListsTasklet) {
        return new StepBuilder("refreshLists", jobRepository)
                .tasklet(refreshListsTasklet, new ResourcelessTransactionManager()).build();
    }

    @Bean
    @StepScope
    RefreshListsTasklet refreshListsTasklet(ListImportService imports, SnapshotStore store,
            VigilProperties properties, @Value("#{jobParameters['refresh.lists']}") String refresh) {
        return new RefreshListsTasklet(imports, store, !properties.registry().sources().isEmpty(),
                !"false".equals(refresh));
    }

    @Bean
    Step nightlyCounterparties(JobRepository jobRepository, ScreeningLauncher launcher, JobRuns runs) {
        return new ScreeningJobStep("nightlyCounterparties", jobRepository, launcher, runs, "screenCounterpartiesJob",
                NightlyLauncher.COUNTERPARTIES, "counterparties");
    }

    @Bean
    Step nightlyTransactions(JobRepository jobRepository, ScreeningLauncher launcher, JobRuns runs) {
        return new ScreeningJobStep("nightlyTransactions", jobRepository, launcher, runs, "screenTransactionsJob",
                NightlyLauncher.TRANSACTIONS, "transactions");
    }

    @Bean
    NightlyLauncher nightlyLauncher(JobRuns runs, JobRepository jobRepository) {
        return new NightlyLauncher(runs, jobRepository);
    }
}
