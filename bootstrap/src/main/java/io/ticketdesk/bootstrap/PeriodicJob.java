package io.ticketdesk.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Housekeeping on a fixed delay in a daemon thread; a failed run is logged and the next one still comes. */
final class PeriodicJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

    private final ScheduledExecutorService executor;

    private PeriodicJob(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    static PeriodicJob start(String name, Duration firstRunAfter, Duration every, Runnable work) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // whatever escapes would cancel every later run of the job
                LOG.warn("{} failed; it runs again in {}", name, every, e);
            }
        }, firstRunAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new PeriodicJob(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
