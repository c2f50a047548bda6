package io.vigil.batch;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the console for the operator: Vigil's own warnings and errors, one line each, never a stack trace. The
 * frameworks' messages (Spring, Spring Batch, the connection pool, H2) go only to the log file, because every
 * failure a user can cause is reported by Vigil itself in one line naming the file, line or record and the reason,
 * followed by where the log file is.
 */
public final class ConsoleLogFilter extends Filter<ILoggingEvent> {

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return event.getLoggerName().startsWith("io.vigil.") ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
