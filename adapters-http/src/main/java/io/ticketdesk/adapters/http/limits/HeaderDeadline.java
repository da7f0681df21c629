package io.ticketdesk.adapters.http.limits;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that has not sent one complete request head within the deadline: a client
 * trickling header bytes (slowloris) would otherwise hold a connection for as long as it likes,
 * since each trickled byte resets the idle timeout.
 */
public final class HeaderDeadline implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Scheduler scheduler;
    private final Duration deadline;

    public HeaderDeadline(Scheduler scheduler, Duration deadline) {
        this.scheduler = scheduler;
        this.deadline = deadline;
    }

    @Override
    public void onOpened(Connection connection) {
        scheduler.schedule(() -> {
            // messages in: request heads completely parsed on this connection so far
            if (connection.getEndPoint().isOpen() && connection.getMessagesIn() == 0) {
                LOG.info("closed a connection from {} that sent no complete request head in {}",
                        connection.getEndPoint().getRemoteSocketAddress(), deadline);
                connection.getEndPoint().close();
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }
}
