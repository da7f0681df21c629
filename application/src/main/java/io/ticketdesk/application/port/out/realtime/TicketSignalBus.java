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
}
