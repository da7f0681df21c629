package io.ticketdesk.adapters.http.errors;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises a failure caused by the database being down, hung or unreachable, by the JDBC
 * standard's signs (connection exception classes, SQLSTATE class 08, a server shutting down or
 * starting), through whatever wrapped it; and reports such outages in one log line at a time.
 */
public final class DatabaseUnavailable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);
    /** What a client is told to wait before retrying (the pool reconnects within about a second). */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final long REPORT_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final AtomicLong LAST_REPORT = new AtomicLong(System.nanoTime() - REPORT_EVERY_NANOS);
    private static final AtomicLong REFUSED_SINCE_REPORT = new AtomicLong();

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-03: shut down by an administrator, crash, cannot connect now
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One WARN line, at most every 10 s, with how many requests were refused meanwhile; never a stack trace. */
    public static void report(Throwable failure) {
        long refused = REFUSED_SINCE_REPORT.incrementAndGet();
        long last = LAST_REPORT.get();
        long now = System.nanoTime();
        if (now - last >= REPORT_EVERY_NANOS && LAST_REPORT.compareAndSet(last, now)) {
            REFUSED_SINCE_REPORT.addAndGet(-refused);
            LOG.warn("database unavailable: {} ({} request(s) answered 503 since the last report)",
                    rootMessage(failure), refused);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 32) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // one line, whatever the driver put in its message
        return message.replaceAll("\\p{Cntrl}", " ").strip();
    }
}
