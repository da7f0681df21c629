package io.ticketdesk.application.port.out.realtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A signal bus in one JVM without transactions: every published signal is kept for assertions and
 * handed to the subscribers at once, as a commit would.
 */
public final class RecordingSignalBus implements TicketSignalBus {

    private final List<TicketSignal> published = new CopyOnWriteArrayList<>();
    private final List<Consumer<TicketSignal>> receivers = new CopyOnWriteArrayList<>();
    private final List<Runnable> gapActions = new CopyOnWriteArrayList<>();

    @Override
    public void publish(TicketSignal signal) {
        published.add(signal);
        receivers.forEach(receiver -> receiver.accept(signal));
    }

    @Override
    public void subscribe(Consumer<TicketSignal> receiver) {
        receivers.add(receiver);
    }

    @Override
    public void afterGap(Runnable action) {
        gapActions.add(action);
    }

    /** As when the bus lost its connection and got it back. */
    public void gap() {
        gapActions.forEach(Runnable::run);
    }

    /** What was published, in order, without the outbox wake-ups. */
    public List<TicketSignal> published() {
        return published.stream().filter(signal -> !(signal instanceof TicketSignal.EventsRecorded)).toList();
    }

    public List<TicketSignal> all() {
        return new ArrayList<>(published);
    }

    public void clear() {
        published.clear();
    }
}
