package io.vigil.batch.cli;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import java.io.PrintWriter;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil jobs [--limit N]}: recent job executions with their status, counts and duration. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "Lists recent job executions with their status, counts and duration.")
class JobsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many (default 20).")
    int limit;

    private final JdbcTemplate jdbc;

    JobsCommand(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-9s %-24s %-10s %-10s %9s %9s %9s %7s %9s%n", "execution", "job", "date", "status",
                "read", "screened", "rejected", "hits", "duration");
        jdbc.query("SELECT e.JOB_EXECUTION_ID, i.JOB_NAME, e.STATUS, e.START_TIME, e.END_TIME, "
                + "(SELECT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS p WHERE p.JOB_EXECUTION_ID = "
                + "e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'business.date'), r.RECORDS_READ, r.RECORDS_SCREENED, "
                + "r.RECORDS_REJECTED, r.HITS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON "
                + "i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID LEFT JOIN SCREENING_RUN r ON r.JOB_EXECUTION_ID = "
                + "e.JOB_EXECUTION_ID ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?", rs -> {
                    Timestamp start = rs.getTimestamp(4);
                    Timestamp end = rs.getTimestamp(5);
                    String duration = start == null || end == null ? "-" : format(Duration.between(
                            start.toInstant(), end.toInstant()));
                    out.printf(Locale.ROOT, "%-9d %-24s %-10s %-10s %9s %9s %9s %7s %9s%n", rs.getLong(1),
                            rs.getString(2), rs.getString(6) == null ? "-" : rs.getString(6), rs.getString(3),
                            count(rs.getObject(7)), count(rs.getObject(8)), count(rs.getObject(9)),
                            count(rs.getObject(10)), duration);
                }, Math.max(1, limit));
        out.flush();
        return ExitCodes.OK;
    }

    private static String count(Object o) {
        return o == null ? "-" : o.toString();
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
