package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.batch.screening.RunVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil verify DIR}: checks a run directory against its manifest. Exit 0 when every file is as the run
 * wrote it; 3 when a file was changed, added or removed (each one is named).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Checks a run directory against its manifest.json: reports every file changed, added or "
                + "removed, and the input files that changed since they were screened.",
                "Exit code 0 when everything matches, 3 when something does not."})
class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "A run directory (it holds manifest.json).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<RunVerifier.Finding> findings = RunVerifier.verify(dir.toAbsolutePath().normalize());
        findings.forEach(f -> out.println(f.line()));
        long problems = findings.stream().filter(RunVerifier.Finding::problem).count();
        if (problems == 0) {
            out.println("Verified: " + dir + " is exactly as the run wrote it.");
            out.flush();
            return ExitCodes.OK;
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("vigil: " + dir + " does not match its manifest: " + problems + " problem(s) listed above");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
