package io.vigil.batch.screening;

import io.vigil.batch.VigilProperties;
import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.registry.delta.BookState;
import io.vigil.registry.delta.RecordFingerprints;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Decides whether a counterparty run screens in full or as a delta, and says why. A delta runs only when it is
 * requested ({@code --delta}, or {@code vigil.screening.delta.enabled}) and cannot differ from a full screen: the book
 * was screened before, that screening kept its record fingerprints, of the scheme this version computes (fingerprints
 * of two schemes are never compared), and the matching method (algorithm, thresholds, embargoed countries, token
 * weights) is unchanged since. Otherwise, or on the scheduled full-screen days
 * ({@code vigil.screening.delta.full-schedule}), or with {@code --full}, the run is a full screen.
 */
public class DeltaPlanner {

    /** Job parameter: the mode asked for on the command line ({@code delta} or {@code full}); absent: the default. */
    public static final String REQUESTED_MODE = "screen.mode";

    /** The decision, kept in the job's context so that a restart screens the same way. */
    public record Plan(ScreeningMode mode, String reason, Long baseInstanceId, Long baseSnapshotId) {
    }

    /** The last screening of a book. */
    public record BaseRun(long instanceId, long snapshotId, String methodFingerprint, LocalDate businessDate) {
    }

    private final JdbcTemplate jdbc;
    private final ScreenedRecordStore records;
    private final VigilProperties.Delta settings;

    public DeltaPlanner(JdbcTemplate jdbc, ScreenedRecordStore records, VigilProperties.Delta settings) {
        this.jdbc = jdbc;
        this.records = records;
        this.settings = settings;
        schedule(settings.fullSchedule()); // fails fast on a bad setting
    }

    /** The latest completed screening of the book by this job, other than {@code instanceId}. */
    public Optional<BaseRun> lastScreening(String jobName, String book, long instanceId) {
        List<BaseRun> runs = jdbc.query("SELECT r.JOB_INSTANCE_ID, r.SNAPSHOT_ID, r.CONFIG_FINGERPRINT, r.BUSINESS_DATE "
                + "FROM SCREENING_RUN r JOIN ALERT_RUN a ON a.JOB_INSTANCE_ID = r.JOB_INSTANCE_ID WHERE r.JOB_NAME = ? "
                + "AND a.BOOK = ? AND r.JOB_INSTANCE_ID <> ? ORDER BY r.JOB_EXECUTION_ID DESC LIMIT 1",
                (rs, i) -> new BaseRun(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)), jobName, book, instanceId);
        return runs.stream().findFirst();
    }

    /**
     * @param requested {@code delta}, {@code full}, or null for the configured default
     * @param methodFingerprint the fingerprint of the method this run screens with
     */
    public Plan plan(String jobName, String book, LocalDate businessDate, String requested, long instanceId,
            String methodFingerprint) {
        if (!"screenCounterpartiesJob".equals(jobName)) {
            return new Plan(ScreeningMode.FULL, "payments are new every night: screened in full", null, null);
        }
        Optional<BaseRun> base = book == null ? Optional.empty() : lastScreening(jobName, book, instanceId)
                .filter(b -> records.hasRecords(b.instanceId()));
        Long baseInstance = base.map(BaseRun::instanceId).orElse(null);
        Long baseSnapshot = base.map(BaseRun::snapshotId).orElse(null);
        boolean wanted = requested == null ? settings.enabled() : requested.equals("delta");
        if (requested != null && requested.equals("full")) {
            return new Plan(ScreeningMode.FULL, "--full requested", baseInstance, baseSnapshot);
        }
        if (!wanted) {
            return new Plan(ScreeningMode.FULL, "delta screening is off (vigil.screening.delta.enabled)",
                    baseInstance, baseSnapshot);
        }
        String scheduled = scheduledFull(businessDate);
        if (scheduled != null) {
            return new Plan(ScreeningMode.FULL, scheduled, baseInstance, baseSnapshot);
        }
        Optional<BaseRun> last = book == null ? Optional.empty() : lastScreening(jobName, book, instanceId);
        if (last.isEmpty()) {
            return new Plan(ScreeningMode.FULL, "book " + book + " was never screened before", null, null);
        }
        if (base.isEmpty()) {
            return new Plan(ScreeningMode.FULL, "the last screening of book " + book + " (run "
                    + last.get().instanceId() + ") kept no record fingerprints", null, null);
        }
        if (!methodFingerprint.equals(base.get().methodFingerprint())) {
            return new Plan(ScreeningMode.FULL, "the matching method (algorithm, thresholds, embargoed countries or "
                    + "token weights) changed since the last screening (run " + base.get().instanceId() + ")",
                    baseInstance, baseSnapshot);
        }
        int scheme = records.baseBookState(base.get().instanceId()).scheme();
        if (scheme != RecordFingerprints.SCHEME) {
            return new Plan(ScreeningMode.FULL, "the last screening (run " + base.get().instanceId() + ") kept record "
                    + "fingerprints of " + describeScheme(scheme) + ", which cannot be compared with this version's "
                    + "(scheme " + RecordFingerprints.SCHEME + ")", baseInstance, baseSnapshot);
        }
        return new Plan(ScreeningMode.DELTA, "against run " + base.get().instanceId() + " of "
                + base.get().businessDate() + ", snapshot " + base.get().snapshotId(), baseInstance, baseSnapshot);
    }

    /** {@code an earlier scheme (scheme 1)}, {@code a later scheme (scheme 3)}, {@code more than one scheme}. */
    static String describeScheme(int scheme) {
        if (scheme == BookState.MIXED) {
            return "more than one scheme";
        }
        return (scheme < RecordFingerprints.SCHEME ? "an earlier scheme" : "a later scheme") + " (scheme " + scheme
                + ")";
    }

    /** The reason a business date gets a full screen on schedule, or null. */
    String scheduledFull(LocalDate date) {
        return switch (schedule(settings.fullSchedule())) {
            case "never" -> null;
            case "weekly" -> date.getDayOfWeek() == DayOfWeek.MONDAY ? "scheduled full screen: Monday" : null;
            default -> date.equals(firstBusinessDay(date)) ? "scheduled full screen: first business day of the month"
                    : null;
        };
    }

    /** The first Monday-to-Friday day of the date's month. */
    static LocalDate firstBusinessDay(LocalDate date) {
        LocalDate d = date.withDayOfMonth(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static String schedule(String s) {
        String v = s == null ? "monthly" : s.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("monthly") && !v.equals("weekly") && !v.equals("never")) {
            throw new VigilException(ExitCodes.USAGE, "vigil.screening.delta.full-schedule '" + s
                    + "' is not monthly, weekly or never");
        }
        return v;
    }
}
