package io.ticketdesk.application.service.events;

import io.ticketdesk.application.port.in.events.DeskEventHandler;
import io.ticketdesk.application.port.in.events.DrainDeskEventsUseCase;
import io.ticketdesk.application.port.in.events.RecordedDeskEvent;
import io.ticketdesk.application.port.out.events.DeskEventOutbox;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** Drains the outbox for one consumer at a time per desk; see {@link DrainDeskEventsUseCase} for the contract. */
public final class DrainDeskEventsService implements DrainDeskEventsUseCase {

    private static final System.Logger LOG = System.getLogger(DrainDeskEventsService.class.getName());

    private final DeskEventOutbox outbox;
    private final Transactions transactions;
    private final List<Runnable> wakers = new CopyOnWriteArrayList<>();

    public DrainDeskEventsService(DeskEventOutbox outbox, Transactions transactions, TicketSignalBus signals) {
        this.outbox = outbox;
        this.transactions = transactions;
        signals.subscribe(signal -> {
            if (signal instanceof TicketSignal.EventsRecorded) {
                wakeAll();
            }
        });
    }

    @Override
    public int drain(String consumer, int max, DeskEventHandler handler) {
        if (consumer == null || consumer.isBlank()) {
            throw new IllegalArgumentException("a consumer needs a name");
        }
        if (max < 1 || max > MAX_BATCH) {
            throw new IllegalArgumentException("max must be within 1.." + MAX_BATCH + ", was " + max);
        }
        Objects.requireNonNull(handler, "handler");
        return transactions.inTransaction(() -> {
            outbox.lockConsumer(consumer);
            List<RecordedDeskEvent> batch = outbox.next(consumer, max);
            for (RecordedDeskEvent event : batch) {
                handler.handle(event);
            }
            if (!batch.isEmpty()) {
                outbox.consumedUpTo(consumer, batch.get(batch.size() - 1).id());
            }
            return batch.size();
        });
    }

    @Override
    public AutoCloseable onRecorded(Runnable wake) {
        Objects.requireNonNull(wake, "wake");
        wakers.add(wake);
        return () -> wakers.remove(wake);
    }

    private void wakeAll() {
        for (Runnable wake : wakers) {
            try {
                wake.run();
            } catch (RuntimeException failed) {
                // one consumer's broken hook must not keep the others asleep
                LOG.log(System.Logger.Level.WARNING, "a desk event wake-up hook failed", failed);
            }
        }
    }
}
