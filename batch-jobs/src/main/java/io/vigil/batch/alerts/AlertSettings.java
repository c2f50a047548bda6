package io.vigil.batch.alerts;

import io.vigil.batch.VigilProperties;
import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import io.vigil.registry.alert.BookKind;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * The alert controls a bank configures ({@code vigil.alerts.*}): the default book of each screening job, four eyes,
 * and how long a clearance holds.
 *
 * @param counterpartyBook the default book of counterparty screening
 * @param transactionBook the default book (payments stream) of transaction screening
 * @param fourEyes clearances need a second, different reviewer's approval
 * @param clearanceExpiry how long a clearance holds; null: for ever
 */
public record AlertSettings(String counterpartyBook, String transactionBook, boolean fourEyes,
        Period clearanceExpiry) {

    /** The reviewer name of the system's own decisions (re-raise, close). */
    public static final String SYSTEM = "vigil";

    public static AlertSettings of(VigilProperties.Alerts a) {
        Period expiry = null;
        if (a.clearanceExpiry() != null && !a.clearanceExpiry().isBlank()) {
            try {
                expiry = Period.parse(a.clearanceExpiry().strip());
            } catch (DateTimeParseException e) {
                throw new VigilException(ExitCodes.USAGE, "vigil.alerts.clearance-expiry '" + a.clearanceExpiry()
                        + "' is not an ISO-8601 period such as P365D or P1Y");
            }
            if (expiry.isNegative() || expiry.isZero()) {
                throw new VigilException(ExitCodes.USAGE, "vigil.alerts.clearance-expiry must be positive, got "
                        + a.clearanceExpiry());
            }
        }
        return new AlertSettings(checkBook(a.counterpartyBook(), "vigil.alerts.counterparty-book"),
                checkBook(a.transactionBook(), "vigil.alerts.transaction-book"), a.fourEyes(), expiry);
    }

    /** The book of a run: the one asked for, or the job's default. */
    public String book(String jobName, String requested) {
        if (requested != null) {
            return checkBook(requested, "--book");
        }
        return kind(jobName) == BookKind.PAYMENTS ? transactionBook : counterpartyBook;
    }

    /** The kind of book a screening job screens: transactions (and a lookback over them) are a payments stream. */
    public static BookKind kind(String jobName) {
        return "screenTransactionsJob".equals(jobName) || "lookbackJob".equals(jobName) ? BookKind.PAYMENTS
                : BookKind.COUNTERPARTIES;
    }

    private static String checkBook(String book, String what) {
        String b = book == null ? "" : book.strip();
        if (b.isEmpty() || b.length() > 200 || !b.matches("[\\p{L}\\p{N}._-]+")) {
            throw new VigilException(ExitCodes.USAGE, what + " '" + book + "' is not a book name (letters, digits, "
                    + "'.', '_' and '-', at most 200)");
        }
        return b;
    }
}
