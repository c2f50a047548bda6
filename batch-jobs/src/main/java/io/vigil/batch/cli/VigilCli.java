package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
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

    /** The log file the detail of an unexpected failure goes to, or null. */
    private final String logFile;

    @org.springframework.beans.factory.annotation.Autowired
    VigilCli(AutowireCapableBeanFactory beans, org.springframework.core.env.Environment environment) {
        this.factory = new SpringFactory(beans);
        this.logFile = environment.getProperty("logging.file.name");
    }

    private VigilCli(IFactory factory) {
        this.factory = factory;
        this.logFile = null;
    }

    /**
     * A CLI for help and version, which need no database or configuration: commands are created with null
     * services, which is safe because only their annotations are read.
     */
    public static VigilCli standalone() {
        return new VigilCli(new HelpOnlyFactory());
    }

    /** Runs the command, printing to the given writers, and returns its exit code. */
    public int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new VigilCommand(), factory);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(VigilCli::exitCodeOf);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("vigil: " + ex.getMessage());
            e.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = exitCodeOf(ex);
            commandLine.getErr().println("vigil: " + describe(ex) + (ex instanceof VigilException
                    || logFile == null ? "" : " (details in " + logFile + ")"));
            // the one-line message above is for the operator; the log file keeps the detail (INFO stays off the console)
            log.info("command failed with exit code {}", code, ex);
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

    /** Creates command objects without their services, for rendering help. */
    private static final class HelpOnlyFactory implements IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls.getPackageName().startsWith("io.vigil")) {
                var ctor = cls.getDeclaredConstructors()[0];
                ctor.setAccessible(true);
                return cls.cast(ctor.newInstance(new Object[ctor.getParameterCount()]));
            }
            return CommandLine.defaultFactory().create(cls);
        }
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
