package io.ticketdesk.application.port.in.events;

/**
 * Hands the outbox's events to a named consumer exactly once per desk, however many instances
 * of the service call it.
 *
 * <p>Contract of {@link #drain}:
 * <ul>
 *   <li>One transaction. It first takes the consumer's turn (a transaction-scoped lock keyed by
 *       {@code consumer}): a second instance draining the same consumer waits, then sees what the
 *       first left. Different consumers do not wait for each other.</li>
 *   <li>It hands {@code handler} at most {@code max} events, one at a time on the calling thread,
 *       in commit-safe order: an event is handed out only once no transaction that could still
 *       commit an earlier event is running, so an event committed late with a lower id is never
 *       skipped, and events of one transaction come in the order they were written.</li>
 *   <li>Whatever the handler writes through the desk's repositories/out-ports on that thread joins
 *       the same transaction: consuming the batch and the handler's writes (e.g. its own
 *       Telegram outbox rows) commit together or not at all.</li>
 *   <li>If the handler throws, nothing of the batch is recorded consumed, the handler's writes are
 *       rolled back, and the exception propagates; the same events come again on the next drain.
 *       So a handler must not call the outside world (Telegram) itself: it writes rows that are
 *       sent after commit. A transaction aborted by PostgreSQL (deadlock, serialization) may be
 *       run again whole, handler included.</li>
 *   <li>Returns how many events were handed out; fewer than {@code max} means the consumer has
 *       caught up for now. A new consumer starts at the oldest event kept.</li>
 * </ul>
 *
 * <p>Waking: {@link #onRecorded} calls {@code wake} (on the desk's signal thread: keep it short,
 * e.g. release a semaphore) after a transaction that recorded events commits, on every instance.
 * An event that was not yet safe to hand out when the wake-up came is delivered by a later drain,
 * so a consumer also drains every few seconds as a safety net instead of busy-polling.
 */
public interface DrainDeskEventsUseCase {

    int MAX_BATCH = 1000;

    /**
     * @param consumer a stable name per kind of consumer (e.g. {@code "telegram-notifier"}), not per instance
     * @param max      1..{@link #MAX_BATCH}
     */
    int drain(String consumer, int max, DeskEventHandler handler);

    /** Registers {@code wake}; closing the result unregisters it. */
    AutoCloseable onRecorded(Runnable wake);
}
