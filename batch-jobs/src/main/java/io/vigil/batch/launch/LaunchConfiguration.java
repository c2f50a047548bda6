package io.vigil.batch.launch;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Starting, restarting and recovering job runs. */
@Configuration(proxyBeanMethods = false)
class LaunchConfiguration {

    @Bean
    JobRuns jobRuns(JobOperator jobOperator, JobRepository jobRepository, ObjectProvider<Job> jobs) {
        return new JobRuns(jobOperator, jobRepository, jobs);
    }

    /** The database password from {@code vigil.db.password-file}, when set (static: it post-processes beans). */
    @Bean
    static DatabaseCredentials databaseCredentials(Environment environment) {
        return new DatabaseCredentials(environment);
    }
}
