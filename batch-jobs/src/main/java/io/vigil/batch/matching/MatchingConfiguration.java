package io.vigil.batch.matching;

import io.vigil.batch.VigilProperties;
import io.vigil.registry.store.SnapshotStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The matching engine from registry-core, over the active registry snapshot. */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    ActiveMatcher activeMatcher(SnapshotStore store, VigilProperties properties) {
        return new ActiveMatcher(store, properties.matching());
    }
}
