package io.vigil.batch.launch;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starting, restarting and recovering job runs. */
@Configuration(proxyBeanMethods = false)
class LaunchConfiguration {

    @Bean
    JobRuns jobRuns(JobOperator jobOperator, JobRepository jobRepository, ObjectProvider<Job> jobs) {
        return new JobRuns(jobOperator, jobRepository, jobs);
    }
}
