package io.vigil.registry.alert;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status one night gives a hit of an alert, the decision behind it, and a note saying why: what changed for a
 * re-raised alert, since when an open one is open, which decision suppresses or confirms it.
 *
 * <p>Rules, for an alert seen before this run:
 * <ul>
 *   <li>confirmed → {@link AlertStatus#CONFIRMED};</li>
 *   <li>cleared, and the clearance expired ({@code businessDate} after its date plus the expiry period) →
 *       {@link AlertStatus#RERAISED};</li>
 *   <li>cleared, and the screened values' or the listed entries' fingerprint differs from the clearance's →
 *       {@link AlertStatus#RERAISED}, the note naming each change;</li>
 *   <li>cleared and unchanged → {@link AlertStatus#SUPPRESSED};</li>
 *   <li>closed by the system (its subject had left the book) and back → {@link AlertStatus#RERAISED};</li>
 *   <li>open or escalated → {@link AlertStatus#OPEN}.</li>
 * </ul>
 * An alert never seen before is {@link AlertStatus#NEW}.
 *
 * @param status the status
 * @param decision the decision the status rests on (clearance, confirmation, escalation…), if any
 * @param note one line for the reports
 */
public record NightStatus(AlertStatus status, Optional<AlertDecision> decision, String note) {

    /** Describes how one listed entry's content changed between two content hashes (one line per field). */
    @FunctionalInterface
    public interface EntryChanges {
        List<String> describe(String entryId, String beforeHash, String afterHash);
    }

    /**
     * @param firstSeen the business date the alert was first raised; null when it is new in this run
     * @param history its decisions replayed
     * @param subject the screened values now
     * @param listed the listed entries' content now
     * @param snapshotId the snapshot screened now (named in the note of a listed change)
     * @param businessDate this run's business date
     * @param clearanceExpiry how long a clearance holds; null for ever
     * @param entryChanges describes a changed entry
     */
    public static NightStatus evaluate(LocalDate firstSeen, AlertHistory history, ScreenedSubject subject,
            ListedContent listed, long snapshotId, LocalDate businessDate, Period clearanceExpiry,
            EntryChanges entryChanges) {
        if (firstSeen == null) {
            return new NightStatus(AlertStatus.NEW, Optional.empty(), "new");
        }
        Optional<AlertDecision> effective = history.effective();
        switch (history.state()) {
            case CONFIRMED:
                return new NightStatus(AlertStatus.CONFIRMED, effective, "confirmed as a true match by "
                        + cite(effective.orElseThrow()));
            case CLEARED: {
                AlertDecision clearance = effective.orElseThrow();
                LocalDate since = history.effectiveSince().orElseThrow().atZone(ZoneOffset.UTC).toLocalDate();
                if (clearanceExpiry != null && businessDate.isAfter(since.plus(clearanceExpiry))) {
                    return new NightStatus(AlertStatus.RERAISED, effective, "clearance " + clearance.ref() + " of "
                            + since + " expired after " + clearanceExpiry + ": due for periodic re-review");
                }
                List<String> changes = changes(clearance, subject, listed, snapshotId, entryChanges);
                if (!changes.isEmpty()) {
                    return new NightStatus(AlertStatus.RERAISED, effective, "cleared by " + clearance.ref()
                            + ", but since then: " + String.join("; ", changes));
                }
                return new NightStatus(AlertStatus.SUPPRESSED, effective, "cleared as a false positive by "
                        + cite(clearance));
            }
            case CLOSED:
                return new NightStatus(AlertStatus.RERAISED, effective, "back in the book after "
                        + effective.map(AlertDecision::ref).orElse("") + " closed it");
            default: {
                StringBuilder note = new StringBuilder("open since " + firstSeen);
                if (history.state() == AlertState.ESCALATED) {
                    note.append("; escalated by ").append(cite(effective.orElseThrow()));
                }
                history.pending().ifPresent(p -> note.append("; clearance ").append(p.ref()).append(" by ")
                        .append(p.reviewer()).append(" awaits a second reviewer"));
                Optional<AlertDecision> ref = history.pending().or(() -> effective);
                return new NightStatus(AlertStatus.OPEN, ref, note.toString());
            }
        }
    }

    /** {@code D-12 (jdoe, 2026-11-21: "same name, different DOB")}. */
    public static String cite(AlertDecision d) {
        return d.ref() + " (" + d.reviewer() + ", " + d.decidedAt().atZone(ZoneOffset.UTC).toLocalDate() + ": \""
                + d.reason() + "\")";
    }

    /** What changed between what the decision's reviewer saw and now; empty when nothing did. */
    public static List<String> changes(AlertDecision decision, ScreenedSubject subject, ListedContent listed,
            long snapshotId, EntryChanges entryChanges) {
        List<String> out = new ArrayList<>();
        if (!decision.subject().fingerprint().equals(subject.fingerprint())) {
            out.addAll(subject.changesSince(decision.subject()));
        }
        if (!decision.listed().fingerprint().equals(listed.fingerprint())) {
            ListedContent.Difference diff = listed.differenceFrom(decision.listed());
            String span = " (snapshot " + decision.snapshotId() + " → " + snapshotId + ")";
            for (String id : diff.changed()) {
                List<String> lines = entryChanges.describe(id, decision.listed().contentHashes().get(id),
                        listed.contentHashes().get(id));
                out.add("listed entry " + id + " changed" + span + (lines.isEmpty() ? "" : ": "
                        + String.join(", ", lines)));
            }
            diff.added().forEach(id -> out.add("linked entry " + id + " added" + span));
            diff.removed().forEach(id -> out.add("linked entry " + id + " removed" + span));
        }
        return out;
    }
}
