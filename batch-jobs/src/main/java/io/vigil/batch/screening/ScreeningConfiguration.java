package io.vigil.batch.screening;

import io.vigil.batch.VigilProperties;
import io.vigil.batch.matching.ActiveMatcher;
import io.vigil.registry.store.SnapshotStore;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** What every screening job shares: settings, the results store, the matching threads, the step builders. */
@Configuration(proxyBeanMethods = false)
class ScreeningConfiguration {

    @Bean
    ScreeningSettings screeningSettings(VigilProperties properties) {
        VigilProperties.Screening s = properties.screening();
        return new ScreeningSettings(s.chunkSize(), s.threads(), s.skipLimit(), s.embargoedCountries());
    }

    @Bean
    ScreeningResults screeningResults(JdbcTemplate jdbc) {
        return new ScreeningResults(jdbc);
    }

    @Bean
    ScreeningInputs screeningInputs(VigilProperties properties) {
        return new ScreeningInputs(properties.screening());
    }

    /** A fixed pool: one thread per configured matching thread, created once (not one thread per record). */
    @Bean
    ThreadPoolTaskExecutor matchingExecutor(ScreeningSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("vigil-match-");
        executor.setCorePoolSize(settings.threads());
        executor.setMaxPoolSize(settings.threads());
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setDaemon(true);
        return executor;
    }

    /** Matches each record of a chunk (step-scoped: it screens against the run's pinned snapshot). */
    @Bean
    @org.springframework.batch.core.configuration.annotation.StepScope
    ScreeningProcessor screeningProcessor(ScreeningJobs jobs,
            @org.springframework.beans.factory.annotation.Value("#{stepExecution}")
            org.springframework.batch.core.step.StepExecution stepExecution) {
        return jobs.processor(stepExecution);
    }

    @Bean
    @org.springframework.batch.core.configuration.annotation.StepScope
    ScreeningWriter screeningWriter(ScreeningResults results, ScreeningSettings settings,
            ScreenedRecordStore screenedRecords) {
        return new ScreeningWriter(results, settings.skipLimit(), screenedRecords);
    }

    @Bean
    ScreenedRecordStore screenedRecordStore(JdbcTemplate jdbc) {
        return new ScreenedRecordStore(jdbc);
    }

    @Bean
    DeltaPlanner deltaPlanner(JdbcTemplate jdbc, ScreenedRecordStore screenedRecords, VigilProperties properties) {
        return new DeltaPlanner(jdbc, screenedRecords, properties.screening().delta());
    }

    /** The run's method for a snapshot: thresholds, policy, embargoed countries and the snapshot's token weights. */
    @Bean
    java.util.function.LongFunction<RunMethod> runMethods(ActiveMatcher matcher, ScreeningSettings settings,
            io.vigil.batch.matching.WeightsBasis weightsBasis) {
        return snapshotId -> RunMethod.of(matcher.policy(), settings.embargo(),
                weightsBasis.find(snapshotId).orElse(null));
    }

    @Bean
    @org.springframework.batch.core.configuration.annotation.StepScope
    RunOutputsTasklet runOutputsTasklet(VigilProperties properties, ScreeningResults results, SnapshotStore snapshots,
            JobRepository jobRepository, ActiveMatcher matcher, ScreeningSettings settings, java.time.Clock clock,
            java.util.function.LongFunction<RunMethod> runMethods,
            io.vigil.batch.alerts.AlertStore alerts, io.vigil.batch.alerts.DecisionLog decisions,
            @org.springframework.beans.factory.annotation.Value("#{jobParameters['out.dir']}") String outDir) {
        return new RunOutputsTasklet(properties.dataDir(), outDir, results, snapshots, jobRepository,
                runMethods,
                properties.reports().pdfMaxHits(), clock, alerts, decisions);
    }

    @Bean
    ScreeningLauncher screeningLauncher(io.vigil.batch.launch.JobRuns runs, SnapshotStore snapshots,
            io.vigil.batch.alerts.AlertSettings alertSettings) {
        return new ScreeningLauncher(runs, snapshots, alertSettings);
    }

    @Bean
    ScreeningJobs screeningJobs(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ScreeningSettings settings, AsyncTaskExecutor matchingExecutor, ActiveMatcher matcher,
            SnapshotStore snapshots, io.vigil.batch.alerts.ApplyDecisionsTasklet applyDecisions,
            ScreenedRecordStore screenedRecords, DeltaPlanner deltaPlanner,
            java.util.function.LongFunction<RunMethod> runMethods) {
        return new ScreeningJobs(jobRepository, transactionManager, settings, matchingExecutor, matcher, snapshots,
                applyDecisions, screenedRecords, deltaPlanner, runMethods);
    }
}
