package io.vigil.batch.screening;

import java.time.LocalDate;
import java.util.Locale;

/**
 * How a run was screened and why, as stored in {@code SCREENING_SCOPE} and printed in the run summary and manifest.
 *
 * @param mode full, delta or lookback
 * @param reason why this mode ran ({@code --full requested}, {@code scheduled full screen: first business day of the
 *     month}, {@code book counterparties never screened before}…)
 * @param baseInstanceId the run a delta compares against (null for a full screen or a lookback)
 * @param baseSnapshotId the snapshot the unchanged records were last screened against (delta), or the oldest
 *     snapshot the stored payments were screened against (lookback); null for a full screen
 * @param partiesScreened parties the unchanged records (delta) or stored payments (lookback) were screened against;
 *     a full screen: every party of the snapshot
 * @param recordsFull records screened against the whole snapshot
 * @param recordsChangedParties records screened against the changed parties only
 * @param recordsRemoved records of the base screening no longer in the book (delta and full screens of a book
 *     screened before); {@link #NOT_COUNTED} when the base screening kept record fingerprints of another scheme than
 *     this run's, which are never compared
 * @param fromDate, toDate the business dates a lookback covered
 */
public record ScreeningScope(ScreeningMode mode, String reason, Long baseInstanceId, Long baseSnapshotId,
        long partiesScreened, long partiesAdded, long partiesChanged, long partiesRemoved, long recordsFull,
        long recordsChangedParties, long recordsRemoved, LocalDate fromDate, LocalDate toDate) {

    /** {@link #recordsRemoved}: not counted, the base run's record fingerprints being of another scheme. */
    public static final long NOT_COUNTED = -1;

    /** Whether the records that left the book were counted ({@link #NOT_COUNTED}). */
    public boolean recordsRemovedCounted() {
        return recordsRemoved != NOT_COUNTED;
    }

    /** {@code delta (…reason…): 9,950 records in full, 990,050 against 1,352 changed parties; 12 removed}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(mode.label()).append(" (").append(reason).append(')');
        if (mode == ScreeningMode.DELTA) {
            sb.append(String.format(Locale.ROOT, ": %,d records in full, %,d against %,d added or changed parties",
                    recordsFull, recordsChangedParties, partiesScreened));
        } else if (mode == ScreeningMode.LOOKBACK) {
            sb.append(String.format(Locale.ROOT, ": %,d payments of %s to %s against %,d added or changed parties",
                    recordsChangedParties, fromDate, toDate, partiesScreened));
        }
        if (recordsRemoved > 0) {
            sb.append(String.format(Locale.ROOT, "; %,d records left the book", recordsRemoved));
        } else if (!recordsRemovedCounted()) {
            sb.append("; records that left the book not counted (the base run kept record fingerprints of another "
                    + "scheme)");
        }
        return sb.toString();
    }
}
