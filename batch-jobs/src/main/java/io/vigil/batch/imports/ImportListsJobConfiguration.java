package io.vigil.batch.imports;

import io.vigil.batch.launch.JobRuns;
import io.vigil.batch.registry.ListImportService;
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
 * {@code importListsJob}: one step that makes a new registry snapshot from the given list files, or from the
 * configured sources after downloading them. The registry writes the snapshot in its own transaction, so the step
 * holds no database transaction while it parses.
 */
@Configuration(proxyBeanMethods = false)
class ImportListsJobConfiguration {

    @Bean
    Job importListsJob(JobRepository jobRepository, Step importLists) {
        return new JobBuilder(ImportListsLauncher.JOB, jobRepository).start(importLists).build();
    }

    @Bean
    Step importLists(JobRepository jobRepository, ImportListsTasklet importListsTasklet) {
        return new StepBuilder("importLists", jobRepository)
                .tasklet(importListsTasklet, new ResourcelessTransactionManager()).build();
    }

    @Bean
    @StepScope
    ImportListsTasklet importListsTasklet(ListImportService imports,
            @Value("#{jobParameters['sources']}") String sources,
            @Value("#{jobParameters['allow.shrink']}") String allowShrink) {
        return new ImportListsTasklet(imports, sources, Boolean.parseBoolean(allowShrink));
    }

    @Bean
    ImportListsLauncher importListsLauncher(JobRuns runs, JobRepository jobRepository) {
        return new ImportListsLauncher(runs, jobRepository);
    }
}
