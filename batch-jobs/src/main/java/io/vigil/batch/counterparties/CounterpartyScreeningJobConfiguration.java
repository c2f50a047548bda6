package io.vigil.batch.counterparties;

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
 * {@code screenCounterpartiesJob}: screens a counterparty file (id, name, type, date of birth, country) against the
 * registry snapshot active when the run started. Identified by {@code business.date} and {@code input.file}.
 */
@Configuration(proxyBeanMethods = false)
class CounterpartyScreeningJobConfiguration {

    @Bean
    Job screenCounterpartiesJob(ScreeningJobs jobs, Step screenCounterparties, Step writeCounterpartyOutputs) {
        return jobs.job("screenCounterpartiesJob", screenCounterparties, writeCounterpartyOutputs);
    }

    @Bean
    Step screenCounterparties(ScreeningJobs jobs, InputItemReader counterpartyReader, ScreeningProcessor screeningProcessor,
            ScreeningWriter screeningWriter, io.vigil.batch.partition.PartitionedScreening partitioned) {
        return partitioned.orLocal(jobs.screenStep("screenCounterparties", counterpartyReader, screeningProcessor, screeningWriter),
                "screenCounterpartiesPartition", InputKind.COUNTERPARTIES);
    }

    /** A partition of a partitioned run, run by a worker ({@code vigil worker}): one slice of the input. */
    @Bean
    Step screenCounterpartiesPartition(ScreeningJobs jobs, InputItemReader counterpartySliceReader, ScreeningProcessor screeningProcessor,
            ScreeningWriter screeningWriter, io.vigil.batch.partition.SnapshotSeal snapshotSeal) {
        return jobs.screenStep("screenCounterpartiesPartition", counterpartySliceReader, screeningProcessor, screeningWriter, snapshotSeal);
    }

    /** The slice of the run's input ({@code input.file}) that a partition's context describes. */
    @Bean
    @StepScope
    InputItemReader counterpartySliceReader(io.vigil.batch.partition.PartitionedScreening partitioned,
            @Value("#{jobParameters['input.file']}") String inputFile,
            @Value("#{stepExecution}") org.springframework.batch.core.step.StepExecution partition) {
        return partitioned.sliceReader(Path.of(inputFile), InputKind.COUNTERPARTIES, partition);
    }

    @Bean
    Step writeCounterpartyOutputs(ScreeningJobs jobs, RunOutputsTasklet runOutputsTasklet) {
        return jobs.outputsStep("writeCounterpartyOutputs", runOutputsTasklet);
    }

    /** The counterparties file of the run ({@code input.file}), read with the configured layout. */
    @Bean
    @StepScope
    InputItemReader counterpartyReader(ScreeningInputs inputs, @Value("#{jobParameters['input.file']}") String inputFile) {
        return inputs.reader(Path.of(inputFile), InputKind.COUNTERPARTIES);
    }
}
