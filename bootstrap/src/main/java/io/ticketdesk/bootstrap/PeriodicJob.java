package io.ticketdesk.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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

    /**
     * A job that says when it wants to run next: each run returns the delay until the next one,
     * capped at {@code atMostEvery} (which also follows a failed run).
     */
    static PeriodicJob startAdaptive(String name, Duration firstRunAfter, Duration atMostEvery,
                                     Supplier<Duration> work) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.schedule(new Runnable() {
            @Override
            public void run() {
                Duration next = atMostEvery;
                try {
                    Duration wanted = work.get();
                    next = wanted.isNegative() ? Duration.ZERO : wanted.compareTo(atMostEvery) < 0 ? wanted : atMostEvery;
                } catch (RuntimeException | LinkageError | AssertionError e) {
                    LOG.warn("{} failed; it runs again in {}", name, atMostEvery, e);
                }
                if (!executor.isShutdown()) {
                    executor.schedule(this, next.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }, firstRunAfter.toMillis(), TimeUnit.MILLISECONDS);
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
