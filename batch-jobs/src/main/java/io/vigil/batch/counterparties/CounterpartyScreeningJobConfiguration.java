package io.vigil.batch.counterparties;

import io.vigil.batch.VigilProperties;
import io.vigil.batch.matching.ActiveMatcher;
import io.vigil.batch.screening.InputItemReader;
import io.vigil.batch.screening.RunOutputsTasklet;
import io.vigil.batch.screening.ScreeningInputs;
import io.vigil.batch.screening.ScreeningJobs;
import io.vigil.batch.screening.ScreeningProcessor;
import io.vigil.batch.screening.ScreeningResults;
import io.vigil.batch.screening.ScreeningWriter;
import io.vigil.registry.screen.input.InputKind;
import io.vigil.registry.store.SnapshotStore;
import java.nio.file.Path;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code screenCounterpartiesJob}: screens a counterparty file (id, name, type, date of birth, country) against the
 * registry snapshot active when the run started. Identified by {@code business.date} and {@code input.file}.
 */
@Configuration(proxyBeanMethods = false)
class CounterpartyScreeningJobConfiguration {

    static final String JOB = "screenCounterpartiesJob";
    static final String SCREEN_STEP = "screenCounterparties";

    @Bean
    Job screenCounterpartiesJob(ScreeningJobs jobs, Step screenCounterparties, Step writeCounterpartyOutputs) {
        return jobs.job(JOB, screenCounterparties, writeCounterpartyOutputs);
    }

    @Bean
    Step screenCounterparties(ScreeningJobs jobs, InputItemReader counterpartyReader,
            ScreeningProcessor counterpartyProcessor, ScreeningWriter counterpartyWriter) {
        return jobs.screenStep(SCREEN_STEP, counterpartyReader, counterpartyProcessor, counterpartyWriter);
    }

    @Bean
    Step writeCounterpartyOutputs(ScreeningJobs jobs, RunOutputsTasklet counterpartyOutputs) {
        return jobs.outputsStep("writeCounterpartyOutputs", counterpartyOutputs);
    }

    @Bean
    @StepScope
    InputItemReader counterpartyReader(ScreeningInputs inputs,
            @Value("#{jobParameters['input.file']}") String inputFile) {
        return inputs.reader(Path.of(inputFile), InputKind.COUNTERPARTIES);
    }

    @Bean
    @StepScope
    ScreeningProcessor counterpartyProcessor(ScreeningJobs jobs,
            @Value("#{jobExecutionContext['snapshot.id']}") Long snapshotId) {
        return new ScreeningProcessor(jobs.screener(snapshotId));
    }

    @Bean
    @StepScope
    ScreeningWriter counterpartyWriter(ScreeningResults results, ScreeningJobs jobs) {
        return new ScreeningWriter(results, jobs.settings().skipLimit());
    }

    @Bean
    @StepScope
    RunOutputsTasklet counterpartyOutputs(VigilProperties properties, ScreeningResults results,
            SnapshotStore snapshots, JobRepository jobRepository, ActiveMatcher matcher,
            @Value("#{jobParameters['out.dir']}") String outDir) {
        return new RunOutputsTasklet(SCREEN_STEP, properties.dataDir(), outDir, results, snapshots, jobRepository,
                matcher.policy());
    }
}
