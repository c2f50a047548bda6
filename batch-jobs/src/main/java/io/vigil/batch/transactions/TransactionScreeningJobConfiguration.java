package io.vigil.batch.transactions;

import io.vigil.batch.screening.InputItemReader;
import io.vigil.batch.screening.RunOutputsTasklet;
import io.vigil.batch.screening.ScreeningInputs;
import io.vigil.batch.screening.ScreeningJobs;
import io.vigil.batch.screening.ScreeningProcessor;
import io.vigil.batch.screening.ScreeningWriter;
import io.vigil.registry.screen.input.InputKind;
import java.nio.file.Path;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
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

    @Bean
    Job screenTransactionsJob(ScreeningJobs jobs, Step screenTransactions, Step writeTransactionOutputs) {
        return jobs.job("screenTransactionsJob", screenTransactions, writeTransactionOutputs);
    }

    @Bean
    Step screenTransactions(ScreeningJobs jobs, InputItemReader transactionReader, ScreeningProcessor screeningProcessor,
            ScreeningWriter screeningWriter, io.vigil.batch.partition.PartitionedScreening partitioned) {
        return partitioned.orLocal(jobs.screenStep("screenTransactions", transactionReader, screeningProcessor, screeningWriter),
                "screenTransactionsPartition", InputKind.TRANSACTIONS);
    }

    /** A partition of a partitioned run, run by a worker ({@code vigil worker}): one slice of the input. */
    @Bean
    Step screenTransactionsPartition(ScreeningJobs jobs, InputItemReader transactionSliceReader, ScreeningProcessor screeningProcessor,
            ScreeningWriter screeningWriter, io.vigil.batch.partition.SnapshotSeal snapshotSeal) {
        return jobs.screenStep("screenTransactionsPartition", transactionSliceReader, screeningProcessor, screeningWriter, snapshotSeal);
    }

    /** The slice of the run's input ({@code input.file}) that a partition's context describes. */
    @Bean
    @StepScope
    InputItemReader transactionSliceReader(io.vigil.batch.partition.PartitionedScreening partitioned,
            @Value("#{jobParameters['input.file']}") String inputFile,
            @Value("#{stepExecution}") org.springframework.batch.core.step.StepExecution partition) {
        return partitioned.sliceReader(Path.of(inputFile), InputKind.TRANSACTIONS, partition);
    }

    @Bean
    Step writeTransactionOutputs(ScreeningJobs jobs, RunOutputsTasklet runOutputsTasklet) {
        return jobs.outputsStep("writeTransactionOutputs", runOutputsTasklet);
    }

    /** The transactions file of the run ({@code input.file}), read with the configured layout. */
    @Bean
    @StepScope
    InputItemReader transactionReader(ScreeningInputs inputs, @Value("#{jobParameters['input.file']}") String inputFile) {
        return inputs.reader(Path.of(inputFile), InputKind.TRANSACTIONS);
    }
}
