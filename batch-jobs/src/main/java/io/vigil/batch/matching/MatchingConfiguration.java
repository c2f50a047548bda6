package io.vigil.batch.matching;

import io.vigil.batch.VigilProperties;
import io.vigil.registry.store.SnapshotStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The matching engine from registry-core, over the active registry snapshot. */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    ActiveMatcher activeMatcher(SnapshotStore store, VigilProperties properties, WeightsBasis weightsBasis,
            ObjectProvider<IndexReadAhead> readAhead) {
        java.nio.file.Path indexDir = properties.matching().indexFile() && properties.dataDir() != null
                ? properties.dataDir().resolve("index") : null;
        return new ActiveMatcher(store, properties.matching(), weightsBasis, indexDir, readAhead.getIfAvailable());
    }

    @Bean
    WeightsBasis weightsBasis(org.springframework.jdbc.core.JdbcTemplate jdbc, VigilProperties properties) {
        String renewal = properties.matching().weightsRenewal();
        try {
            return new WeightsBasis(jdbc, java.time.Period.parse(renewal));
        } catch (java.time.format.DateTimeParseException e) {
            throw new io.vigil.batch.errors.VigilException(io.vigil.batch.errors.ExitCodes.USAGE,
                    "vigil.matching.weights-renewal '" + renewal + "' is not an ISO-8601 period such as P1M");
        }
    }
}
