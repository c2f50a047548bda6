package io.vigil.batch;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.cli.VigilCli;
import io.vigil.batch.matching.IndexReadAhead;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code vigil} command. Global options are read before Spring starts, because they decide where the
 * configuration and the database live; everything else is parsed by picocli inside the context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigilApplication {

    /** Commands that match names against the registry, so read its matching index file while they start. */
    private static final java.util.Set<String> MATCHING_COMMANDS = java.util.Set.of("search", "screen", "nightly",
            "lookback");

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code (see {@link ExitCodes}). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs one command, printing to the given writers, and returns its exit code. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args, System.getProperty("vigil.home"));
        } catch (IllegalArgumentException e) {
            err.println("vigil: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (options.needsNoContext()) {
            return VigilCli.standalone().execute(out, err, options.commandArgs());
        }
        if (options.readOnlyData() && !LaunchOptions.READ_ONLY_COMMANDS.contains(options.commandName())) {
            err.println("vigil: the data directory " + options.dataDir() + " is read-only, and '"
                    + options.commandName() + "' writes to it; read-only commands: " + String.join(", ",
                            new java.util.TreeSet<>(LaunchOptions.READ_ONLY_COMMANDS)));
            return ExitCodes.USAGE;
        }
        if (!LaunchOptions.READ_ONLY_COMMANDS.contains(options.commandName()) && !options.readOnlyData()) {
            io.vigil.batch.launch.EmbeddedDatabaseRecovery.afterKill(options.dataDir())
                    .ifPresent(notice -> err.println("vigil: " + notice));
        }
        SpringApplication app = new SpringApplication(VigilApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(options.defaultProperties());
        if (MATCHING_COMMANDS.contains(options.commandName())) {
            IndexReadAhead.start(options.dataDir().resolve("index")).ifPresent(readAhead -> app.addInitializers(
                    context -> context.getBeanFactory().registerSingleton("indexReadAhead", readAhead)));
        }
        ConfigurableApplicationContext context;
        try {
            context = app.run(options.springArgs());
        } catch (RuntimeException e) {
            return StartupFailures.report(e, options, err);
        }
        try (context) {
            return context.getBean(VigilCli.class).execute(out, err, options.commandArgs());
        }
    }
}
