package io.vigil.batch.transactions;

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
 * {@code screenTransactionsJob}: screens a transaction file (CSV, or ISO 20022 pacs.008 XML recognised by its
 * content): every party and bank name, the remittance text, the countries and the BICs, against the registry
 * snapshot active when the run started. Identified by {@code business.date} and {@code input.file}.
 */
@Configuration(proxyBeanMethods = false)
class TransactionScreeningJobConfiguration {

    static final String JOB = "screenTransactionsJob";
    static final String SCREEN_STEP = "screenTransactions";

    @Bean
    Job screenTransactionsJob(ScreeningJobs jobs, Step screenTransactions, Step writeTransactionOutputs) {
        return jobs.job(JOB, screenTransactions, writeTransactionOutputs);
    }

    @Bean
    Step screenTransactions(ScreeningJobs jobs, InputItemReader transactionReader,
            ScreeningProcessor transactionProcessor, ScreeningWriter transactionWriter) {
        return jobs.screenStep(SCREEN_STEP, transactionReader, transactionProcessor, transactionWriter);
    }

    @Bean
    Step writeTransactionOutputs(ScreeningJobs jobs, RunOutputsTasklet transactionOutputs) {
        return jobs.outputsStep("writeTransactionOutputs", transactionOutputs);
    }

    @Bean
    @StepScope
    InputItemReader transactionReader(ScreeningInputs inputs,
            @Value("#{jobParameters['input.file']}") String inputFile) {
        return inputs.reader(Path.of(inputFile), InputKind.TRANSACTIONS);
    }

    @Bean
    @StepScope
    ScreeningProcessor transactionProcessor(ScreeningJobs jobs,
            @Value("#{jobExecutionContext['snapshot.id']}") Long snapshotId) {
        return new ScreeningProcessor(jobs.screener(snapshotId));
    }

    @Bean
    @StepScope
    ScreeningWriter transactionWriter(ScreeningResults results, ScreeningJobs jobs) {
        return new ScreeningWriter(results, jobs.settings().skipLimit());
    }

    @Bean
    @StepScope
    RunOutputsTasklet transactionOutputs(VigilProperties properties, ScreeningResults results,
            SnapshotStore snapshots, JobRepository jobRepository, ActiveMatcher matcher,
            @Value("#{jobParameters['out.dir']}") String outDir) {
        return new RunOutputsTasklet(SCREEN_STEP, properties.dataDir(), outDir, results, snapshots, jobRepository,
                matcher.policy());
    }
}
