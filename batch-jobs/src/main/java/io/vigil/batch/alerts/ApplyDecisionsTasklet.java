package io.vigil.batch.alerts;

import io.vigil.batch.screening.ScreeningJobs;
import io.vigil.batch.screening.ScreeningLauncher;
import io.vigil.batch.screening.ScreeningResults;
import io.vigil.registry.alert.AlertDecision;
import io.vigil.registry.alert.AlertHistory;
import io.vigil.registry.alert.AlertState;
import io.vigil.registry.alert.AlertStatus;
import io.vigil.registry.alert.DecisionAction;
import io.vigil.registry.alert.DecisionChain;
import io.vigil.registry.alert.ListedContent;
import io.vigil.registry.alert.NightStatus;
import io.vigil.registry.match.Decision;
import io.vigil.registry.model.Party;
import io.vigil.registry.store.PartyDiffer;
import io.vigil.registry.store.SnapshotStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.core.step.tasklet.Tasklet;

/**
 * The step between screening and the outputs: gives every hit of the run its night status from the alert's
 * history, in one transaction.
 *
 * <ol>
 *   <li>Groups the run's hits by alert and screened values (a payments book sees one alert in many payments).</li>
 *   <li>Reads the alerts seen before and their decisions, and evaluates each with {@link NightStatus}: new,
 *       suppressed, re-raised (saying what changed), open or confirmed.</li>
 *   <li>A cleared alert that is re-raised gets a {@code reopen} row in the decision log, by the system, with the
 *       reason; from then on it is open work.</li>
 *   <li>Records the sightings, the alerts' first and last nights, and the run's book, hits by status and the
 *       decision log head that the reports print.</li>
 * </ol>
 * Decisions recorded while the run screened are applied: what counts is the log when this step runs.
 */
public class ApplyDecisionsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ApplyDecisionsTasklet.class);

    private final ScreeningResults results;
    private final AlertStore alerts;
    private final DecisionLog decisions;
    private final SnapshotStore snapshots;
    private final AlertSettings settings;
    private final Clock clock;

    private final io.vigil.batch.screening.ScreenedRecordStore screenedRecords;

    public ApplyDecisionsTasklet(ScreeningResults results, AlertStore alerts, DecisionLog decisions,
            SnapshotStore snapshots, AlertSettings settings, Clock clock,
            io.vigil.batch.screening.ScreenedRecordStore screenedRecords) {
        this.screenedRecords = screenedRecords;
        this.results = results;
        this.alerts = alerts;
        this.decisions = decisions;
        this.snapshots = snapshots;
        this.settings = settings;
        this.clock = clock;
    }

    /** The hits of one alert with the same screened values, as one run saw them. */
    private static final class Group {
        final ScreeningResults.HitTracking first;
        final ListedContent listed;
        BigDecimal score;
        Decision decision;
        long hits;

        Group(ScreeningResults.HitTracking first, ListedContent listed) {
            this.first = first;
            this.listed = listed;
            this.score = first.score();
            this.decision = decision(first.decision());
        }

        void add(ScreeningResults.HitTracking h) {
            hits++;
            if (h.score().compareTo(score) > 0) {
                score = h.score();
            }
            if (decision(h.decision()) == Decision.ALERT) {
                decision = Decision.ALERT;
            }
        }

        static Decision decision(String label) {
            return Decision.valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        String book = job.getJobParameters().getString(ScreeningLauncher.BOOK);
        long instanceId = job.getJobInstance().getInstanceId();
        if (book == null) {
            return RepeatStatus.FINISHED; // a run started before alerts were tracked
        }
        LocalDate businessDate = job.getJobParameters().getLocalDate(ScreeningLauncher.BUSINESS_DATE);
        long snapshotId = job.getExecutionContext().getLong(ScreeningJobs.SNAPSHOT_ID);
        Map<String, String> hashes = snapshots.contentHashes(snapshotId);

        long t0 = System.nanoTime();
        alerts.clearRun(instanceId);
        Map<String, Group> groups = new LinkedHashMap<>();
        results.forEachTrackedHit(instanceId, h -> groups.computeIfAbsent(h.alertId() + '\u0000'
                + h.subject().fingerprint(), k -> new Group(h, ListedContent.of(h.partyId(), h.linkedIds(), hashes)))
                .add(h));
        long t1 = System.nanoTime();
        Map<String, AlertStore.Alert> known = alerts.forRun(instanceId);
        // decisions recorded meanwhile by another process (PostgreSQL) wait until this step has committed
        decisions.lockForAppend();
        Map<String, List<AlertDecision>> history = decisions.forRun(instanceId);
        long t2 = System.nanoTime();
        EntryChangeDescriber describer = new EntryChangeDescriber(snapshots);

        java.time.Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, AlertState> stateAfter = new HashMap<>();
        Map<String, Long> latestSeq = new HashMap<>();
        List<AlertDecision> reopen = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (Group g : groups.values()) {
            String alertId = g.first.alertId();
            AlertStore.Alert alert = known.get(alertId);
            boolean seenBefore = alert != null && alert.firstInstanceId() != instanceId;
            List<AlertDecision> rows = history.getOrDefault(alertId, List.of());
            AlertHistory h = AlertHistory.replay(rows, settings.fourEyes());
            NightStatus status = NightStatus.evaluate(seenBefore ? alert.firstSeen() : null, h, g.first.subject(),
                    g.listed, snapshotId, businessDate, settings.clearanceExpiry(), describer);
            pending.add(new Pending(g, status, seenBefore ? alert.firstSeen() : businessDate));
            stateAfter.putIfAbsent(alertId, h.state());
            h.latest().ifPresent(d -> latestSeq.put(alertId, d.seq()));
            if (status.status() == AlertStatus.RERAISED && stateAfter.get(alertId) != AlertState.OPEN) {
                // once per alert: from now on it is open work, whatever its other sightings say
                stateAfter.put(alertId, AlertState.OPEN);
                reopen.add(new AlertDecision(0, alertId, DecisionAction.REOPEN, AlertSettings.SYSTEM, now,
                        "re-raised on " + businessDate + ": " + status.note(), job.getId(), snapshotId,
                        g.first.subject(), g.listed, 0, "", ""));
            }
        }
        for (AlertDecision d : decisions.append(reopen)) {
            latestSeq.put(d.alertId(), d.seq());
        }

        List<AlertStore.Alert> inserts = new ArrayList<>();
        Map<String, AlertStore.Alert> updates = new LinkedHashMap<>();
        List<AlertStore.Sighting> sightings = new ArrayList<>();
        Map<AlertStatus, Long> byStatus = new EnumMap<>(AlertStatus.class);
        for (AlertStatus s : AlertStatus.values()) {
            byStatus.put(s, 0L);
        }
        Map<String, Boolean> inserted = new HashMap<>();
        for (Pending p : pending) {
            Group g = p.group;
            ScreeningResults.HitTracking f = g.first;
            String alertId = f.alertId();
            AlertStore.Alert old = known.get(alertId);
            AlertState state = stateAfter.get(alertId);
            if (old == null) {
                if (inserted.putIfAbsent(alertId, true) == null) {
                    inserts.add(new AlertStore.Alert(alertId, book, f.subjectKey(), f.recordId(), f.field(),
                            f.screenedValue(), f.partyId(), f.matchedName(), businessDate, instanceId, businessDate,
                            instanceId, job.getId(), g.score, state));
                }
            } else {
                AlertStore.Alert prev = updates.get(alertId);
                BigDecimal score = prev == null ? g.score : prev.lastScore().max(g.score);
                updates.put(alertId, new AlertStore.Alert(alertId, book, old.subjectKey(), old.recordId(),
                        old.field(), f.screenedValue(), old.partyId(), f.matchedName(), old.firstSeen(),
                        old.firstInstanceId(), businessDate, instanceId, job.getId(), score, state));
            }
            sightings.add(new AlertStore.Sighting(instanceId, alertId, f.subject().fingerprint(), job.getId(), book,
                    businessDate, snapshotId, p.status.status(), p.status.decision().map(AlertDecision::seq).orElse(0L),
                    latestSeq.getOrDefault(alertId, 0L), p.status.note(), p.firstSeen, f.recordId(), f.field(),
                    f.screenedValue(), f.partyId(), f.matchedName(), g.score, g.decision, g.hits, f.subject(),
                    g.listed));
            byStatus.merge(p.status.status(), g.hits, Long::sum);
        }
        long t3 = System.nanoTime();
        alerts.insert(inserts);
        alerts.seen(List.copyOf(updates.values()));
        long t4 = System.nanoTime();
        alerts.insertSightings(sightings);
        long t5 = System.nanoTime();
        log.info("decisions step timings: read hits {} ms, read alerts and decisions {} ms, evaluate {} ms, "
                + "alerts {} ms, sightings {} ms", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
        if (io.vigil.batch.alerts.AlertSettings.kind(job.getJobInstance().getJobName())
                == io.vigil.registry.alert.BookKind.COUNTERPARTIES) {
            closeRemoved(job, book, instanceId, snapshotId, businessDate, now);
        }
        DecisionChain.Head head = decisions.head();
        alerts.saveRun(new AlertStore.AlertRun(instanceId, job.getId(), book, businessDate, head,
                settings.fourEyes(), settings.clearanceExpiry() == null ? null : settings.clearanceExpiry().toString(),
                byStatus));
        job.getExecutionContext().putString(WORK_QUEUE, workQueue(byStatus));
        log.info("{}: book {}: {} alerts seen; {}; {} re-raised clearances logged; decision log {}",
                job.getJobInstance().getJobName(), book, sightings.size(), workQueue(byStatus), reopen.size(),
                head.describe());
        return RepeatStatus.FINISHED;
    }

    /**
     * A counterparty book's records that left the file: counts those of the last screening, and closes the undecided
     * alerts of every record no longer in the book, by a system decision ("no longer in the book"). A record that
     * comes back later raises its alert again as re-raised.
     */
    private void closeRemoved(JobExecution job, String book, long instanceId, long snapshotId, LocalDate businessDate,
            java.time.Instant now) {
        var ctx = job.getExecutionContext();
        io.vigil.registry.delta.BookState current = screenedRecords.bookState(instanceId);
        if (current.size() == 0 && !screenedRecords.hasRecords(instanceId)) {
            return; // a run that stored no fingerprints (started before delta screening): nothing to compare
        }
        if (ctx.containsKey(io.vigil.batch.screening.ScreeningJobs.SCOPE_BASE_INSTANCE)) {
            long baseInstance = ctx.getLong(io.vigil.batch.screening.ScreeningJobs.SCOPE_BASE_INSTANCE);
            io.vigil.registry.delta.BookState base = screenedRecords.baseBookState(baseInstance);
            if (base.comparableWith(current.scheme())) {
                ctx.putLong(io.vigil.batch.screening.ScreeningJobs.SCOPE_RECORDS_REMOVED, base.missingFrom(current));
            } else {
                // fingerprints of two schemes never compare: the records that left are not counted, and said so
                ctx.putLong(io.vigil.batch.screening.ScreeningJobs.SCOPE_RECORDS_REMOVED,
                        io.vigil.batch.screening.ScreeningScope.NOT_COUNTED);
                log.info("book {}: records that left the book not counted: run {} kept record fingerprints of "
                        + "scheme {}, this run of scheme {}", book, baseInstance, base.scheme(), current.scheme());
            }
        }
        if (current.scheme() == io.vigil.registry.delta.BookState.MIXED
                || !io.vigil.registry.delta.RecordFingerprints.known(current.scheme())) {
            // a run restarted across an upgrade of the fingerprint scheme: its records cannot all be looked up by id
            log.warn("book {}: run {} kept record fingerprints of more than one scheme: no alert is closed as no "
                    + "longer in the book tonight (the next night does it)", book, instanceId);
            return;
        }
        io.vigil.registry.delta.RecordFingerprints.Hasher ids = new io.vigil.registry.delta.RecordFingerprints.Hasher(
                current.scheme());
        List<AlertDecision> close = new ArrayList<>();
        for (AlertStore.Alert a : alerts.undecided(book)) {
            if (current.contains(ids.ofId(a.recordId()))) {
                continue;
            }
            Optional<AlertStore.Sighting> last = alerts.lastSighting(a.alertId());
            if (last.isEmpty()) {
                continue;
            }
            close.add(new AlertDecision(0, a.alertId(), DecisionAction.CLOSE, AlertSettings.SYSTEM, now,
                    "no longer in the book: record " + a.recordId() + " is not in the file of " + businessDate,
                    job.getId(), snapshotId, last.get().subject(), last.get().listed(), 0, "", ""));
        }
        for (AlertDecision d : decisions.append(close)) {
            alerts.setState(d.alertId(), AlertState.CLOSED);
        }
        if (!close.isEmpty()) {
            log.info("book {}: {} undecided alerts closed, their records no longer in the book", book, close.size());
        }
    }

    /** Job execution context key: the run's work queue line. */
    public static final String WORK_QUEUE = "work.queue";

    /** {@code 12 new, 3 re-raised, 40 open, 4,551 suppressed, 2 confirmed} (hits by status). */
    public static String workQueue(Map<AlertStatus, Long> byStatus) {
        return String.format(Locale.ROOT, "%,d new, %,d re-raised, %,d open, %,d suppressed, %,d confirmed",
                byStatus.getOrDefault(AlertStatus.NEW, 0L), byStatus.getOrDefault(AlertStatus.RERAISED, 0L),
                byStatus.getOrDefault(AlertStatus.OPEN, 0L), byStatus.getOrDefault(AlertStatus.SUPPRESSED, 0L),
                byStatus.getOrDefault(AlertStatus.CONFIRMED, 0L));
    }

    private record Pending(Group group, NightStatus status, LocalDate firstSeen) {
    }

    /** Describes a changed listed entry from the two contents the registry keeps under their hashes. */
    static final class EntryChangeDescriber implements NightStatus.EntryChanges {
        private final SnapshotStore snapshots;
        private final Map<String, Optional<Party>> cache = new HashMap<>();

        EntryChangeDescriber(SnapshotStore snapshots) {
            this.snapshots = snapshots;
        }

        @Override
        public List<String> describe(String entryId, String beforeHash, String afterHash) {
            Optional<Party> before = content(beforeHash);
            Optional<Party> after = content(afterHash);
            if (before.isEmpty() || after.isEmpty()) {
                return List.of("content " + beforeHash + " → " + afterHash);
            }
            return PartyDiffer.changes(before.get(), after.get());
        }

        private Optional<Party> content(String hash) {
            if (hash == null || hash.isEmpty()) {
                return Optional.empty();
            }
            return cache.computeIfAbsent(hash, snapshots::partyContent);
        }
    }
}
