package io.vigil.batch.alerts;

import io.vigil.batch.VigilProperties;
import io.vigil.batch.screening.ScreeningResults;
import io.vigil.registry.store.SnapshotStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The alert lifecycle: settings, the alert and decision stores, the decisions step, the analysts' service. */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    @Bean
    AlertSettings alertSettings(VigilProperties properties) {
        return AlertSettings.of(properties.alerts());
    }

    @Bean
    AlertStore alertStore(JdbcTemplate jdbc) {
        return new AlertStore(jdbc);
    }

    @Bean
    DecisionLog decisionLog(JdbcTemplate jdbc) {
        return new DecisionLog(jdbc);
    }

    @Bean
    ApplyDecisionsTasklet applyDecisionsTasklet(ScreeningResults results, AlertStore alerts, DecisionLog decisions,
            SnapshotStore snapshots, AlertSettings settings, Clock clock,
            io.vigil.batch.screening.ScreenedRecordStore screenedRecords) {
        return new ApplyDecisionsTasklet(results, alerts, decisions, snapshots, settings, clock, screenedRecords);
    }

    @Bean
    AlertDecisions alertDecisions(AlertStore alerts, DecisionLog decisions, AlertSettings settings, Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        return new AlertDecisions(alerts, decisions, settings, clock, new TransactionTemplate(transactionManager));
    }
}
