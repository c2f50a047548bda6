package io.vigil.batch.registry;

import io.vigil.batch.VigilProperties;
import io.vigil.registry.imports.ListParserRegistry;
import io.vigil.registry.imports.RegistryImporter;
import io.vigil.registry.store.JdbcSnapshotStore;
import io.vigil.registry.store.RegistryDiff;
import io.vigil.registry.store.SnapshotStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry from registry-core, wired to the application's DataSource. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Made after the schema migrations ran (its constructor checks the registry tables). */
    @Bean
    @DependsOnDatabaseInitialization
    SnapshotStore snapshotStore(DataSource dataSource, Clock clock) {
        return new JdbcSnapshotStore(dataSource, clock);
    }

    @Bean
    ListParserRegistry listParserRegistry() {
        return ListParserRegistry.defaults();
    }

    @Bean
    RegistryImporter registryImporter(ListParserRegistry parsers, SnapshotStore store) {
        return new RegistryImporter(parsers, store);
    }

    @Bean
    RegistryDiff registryDiff(SnapshotStore store) {
        return new RegistryDiff(store);
    }

    @Bean
    ListImportService listImportService(VigilProperties properties, ListParserRegistry parsers,
            RegistryImporter importer, Clock clock) {
        return new ListImportService(properties, parsers, importer, clock);
    }
}
