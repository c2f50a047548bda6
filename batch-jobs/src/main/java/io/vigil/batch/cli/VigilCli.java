package io.vigil.batch.cli;

import io.vigil.registry.source.ListParseException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Executes one command line. Subcommands are created by Spring (constructor injection), so each command class
 * receives the services it needs and nothing else.
 */
@Component
public class VigilCli {

    private static final Logger log = LoggerFactory.getLogger(VigilCli.class);

    private final IFactory factory;

    VigilCli(AutowireCapableBeanFactory beans) {
        this.factory = new SpringFactory(beans);
    }

    private VigilCli(IFactory factory) {
        this.factory = factory;
    }

    /** A CLI for the commands that need no database or configuration (help, version, verify…). */
    public static VigilCli standalone() {
        return new VigilCli(CommandLine.defaultFactory());
    }

    /** Runs the command and returns its exit code. */
    public int execute(String... args) {
        CommandLine cl = new CommandLine(new VigilCommand(), factory);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(VigilCli::exitCodeOf);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("vigil: " + ex.getMessage());
            err.println("Run 'vigil " + ex.getCommandLine().getCommandName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = exitCodeOf(ex);
            commandLine.getErr().println("vigil: " + describe(ex));
            log.error("command failed with exit code {}", code, ex);
            return code;
        });
        return cl.execute(args);
    }

    static int exitCodeOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof VigilException v) {
                return v.exitCode();
            }
            if (t instanceof ListParseException || t instanceof NoSuchFileException) {
                return ExitCodes.BAD_INPUT;
            }
        }
        return ExitCodes.FAILED;
    }

    private static String describe(Throwable ex) {
        if (ex instanceof VigilException || ex instanceof ListParseException) {
            return ex.getMessage();
        }
        String message = ex.getMessage();
        return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Creates command objects through Spring so they get constructor injection. */
    private record SpringFactory(AutowireCapableBeanFactory beans) implements IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls.getPackageName().startsWith("io.vigil")) {
                return beans.createBean(cls);
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
