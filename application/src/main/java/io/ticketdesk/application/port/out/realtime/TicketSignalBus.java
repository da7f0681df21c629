package io.ticketdesk.application.port.out.realtime;

import java.util.function.Consumer;

/**
 * Carries ticket signals to every instance of the service. A signal published inside a
 * transaction is delivered only if and when it commits, and signals arrive in commit order.
 */
public interface TicketSignalBus {

    void publish(TicketSignal signal);

    /** {@code receiver} is called on one thread, one signal at a time, in the order they were committed. */
    void subscribe(Consumer<TicketSignal> receiver);

    /**
     * {@code action} runs on the receiving thread each time delivery resumes after an interruption
     * (the database connection was lost): signals committed meanwhile may never arrive, everything
     * committed after {@code action} starts will. A bus that cannot lose signals never runs it.
     */
    default void afterGap(Runnable action) {
    }
}
