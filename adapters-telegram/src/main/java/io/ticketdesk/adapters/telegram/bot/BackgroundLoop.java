package io.ticketdesk.adapters.telegram.bot;

import java.time.Duration;

/**
 * The daemon thread of one of the bot's loops (signals, updates, polling): the loop runs while
 * {@link #running()}; {@link #close()} ends it by flag and interrupt and waits a bounded time, so
 * a stuck call never holds up the service's shutdown.
 */
public final class BackgroundLoop implements AutoCloseable {

    private final String name;
    private final Duration joinAtMost;
    private volatile boolean running = true;
    private Thread thread;

    public BackgroundLoop(String name, Duration joinAtMost) {
        this.name = name;
        this.joinAtMost = joinAtMost;
    }

    public void start(Runnable loop) {
        thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** True until {@link #close()}. */
    public boolean running() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(joinAtMost.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
