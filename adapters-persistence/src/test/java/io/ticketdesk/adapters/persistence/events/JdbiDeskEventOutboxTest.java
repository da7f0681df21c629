package io.ticketdesk.adapters.persistence.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.events.RecordedDeskEvent;
import io.ticketdesk.application.port.out.events.DeskEventOutbox;
import io.ticketdesk.application.port.out.events.DeskEventOutboxContract;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import io.ticketdesk.application.service.events.DrainDeskEventsService;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox on PostgreSQL: the contract, and every event to each consumer once whatever the commit order and the drainers. */
class JdbiDeskEventOutboxTest extends DeskEventOutboxContract {

    @Override
    protected DeskEventOutbox outbox() {
        return outbox;
    }


    private static final TicketSignalBus NO_SIGNALS = new TicketSignalBus() {
        @Override
        public void publish(TicketSignal signal) {
        }

        @Override
        public void subscribe(Consumer<TicketSignal> receiver) {
        }
    };

    private PostgresDatabase database;
    private JdbiTransactions transactions;
    private JdbiDeskEventOutbox outbox;
    private DrainDeskEventsService drain;

    @BeforeEach
    void open() {
        database = PostgresDatabase.open(TestDatabases.newDatabase(), 8);
        transactions = new JdbiTransactions(database.jdbi());
        outbox = new JdbiDeskEventOutbox(transactions);
        drain = new DrainDeskEventsService(outbox, transactions, NO_SIGNALS);
        database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE handled (event_id bigint PRIMARY KEY)"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void append(DeskEvent event) {
        transactions.inTransaction(() -> {
            outbox.append(event);
            return null;
        });
    }

    private static DeskEvent deleted() {
        return new DeskEvent.TicketDeleted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null);
    }

    private List<RecordedDeskEvent> drainAll(String consumer) {
        List<RecordedDeskEvent> got = new ArrayList<>();
        while (drain.drain(consumer, 7, got::add) == 7) {
            // a full batch: there may be more
        }
        return got;
    }

    @Test
    void everyKindOfEventComesBackAsWrittenAndInOrder() {
        UUID ticket = UUID.randomUUID();
        UUID someone = UUID.randomUUID();
        List<DeskEvent> events = List.of(
                new DeskEvent.TicketCreated(ticket, someone, UUID.randomUUID(), TicketPriority.HIGH),
                new DeskEvent.MessagePosted(ticket, UUID.randomUUID(), someone, true, someone, null),
                new DeskEvent.StatusChanged(ticket, null, TicketStatus.RESOLVED, TicketStatus.CLOSED, someone, null),
                new DeskEvent.AssigneeChanged(ticket, someone, null, UUID.randomUUID(), someone),
                new DeskEvent.PriorityChanged(ticket, someone, TicketPriority.LOW, TicketPriority.CRITICAL, someone,
                        null),
                new DeskEvent.TitleChanged(ticket, someone, someone, null),
                new DeskEvent.TicketDeleted(ticket, someone, someone, null),
                new DeskEvent.UserBlocked(someone, UUID.randomUUID()),
                new DeskEvent.UserUnblocked(someone, UUID.randomUUID()),
                new DeskEvent.RoleChanged(someone, UUID.randomUUID(), Role.USER, Role.HELPER));
        transactions.inTransaction(() -> {
            events.forEach(outbox::append);
            return null;
        });

        List<RecordedDeskEvent> got = drainAll("bot");

        assertEquals(events, got.stream().map(RecordedDeskEvent::event).toList());
        assertEquals(List.of(), drainAll("bot"), "consumed once");
        assertEquals(events, drainAll("another consumer").stream().map(RecordedDeskEvent::event).toList(),
                "each consumer has its own position");
        assertEquals(List.of("ticket_created", "role_changed"), database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT kind FROM desk_events WHERE id IN (SELECT min(id) FROM desk_events "
                        + "UNION SELECT max(id) FROM desk_events) ORDER BY id")
                .mapTo(String.class).list()));
    }

    @Test
    void anEventCommittedLaterWithALowerIdIsNotSkipped() throws Exception {
        DeskEvent slow = deleted();
        DeskEvent fast = deleted();
        CountDownLatch slowWritten = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> slowTransaction = writer.submit(() -> transactions.inTransaction(() -> {
                outbox.append(slow);
                slowWritten.countDown();
                await(mayCommit);
                return null;
            }));
            assertTrue(slowWritten.await(10, TimeUnit.SECONDS));
            append(fast); // a higher id, committed first

            List<RecordedDeskEvent> whileSlowIsOpen = drainAll("bot");
            mayCommit.countDown();
            slowTransaction.get(10, TimeUnit.SECONDS);
            List<RecordedDeskEvent> afterwards = drainAll("bot");

            List<DeskEvent> all = new ArrayList<>();
            whileSlowIsOpen.forEach(event -> all.add(event.event()));
            afterwards.forEach(event -> all.add(event.event()));
            assertEquals(List.of(slow, fast), all, "both, once each, the lower id included");
            assertEquals(List.of(), whileSlowIsOpen, "nothing handed out past a transaction that may still commit");
        } finally {
            mayCommit.countDown();
            writer.shutdownNow();
        }
    }

    @Test
    void concurrentWritersAndDrainersHandEachEventToExactlyOneDrainer() throws Exception {
        int writers = 4;
        int perWriter = 50;
        ExecutorService pool = Executors.newFixedThreadPool(writers + 3);
        List<Long> handled = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writing1 = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writing1.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        transactions.inTransaction(() -> {
                            outbox.append(deleted());
                            if (Math.random() < 0.5) {
                                outbox.append(deleted());
                            }
                            return null;
                        });
                    }
                }));
            }
            List<Future<?>> draining = new ArrayList<>();
            for (int d = 0; d < 3; d++) {
                draining.add(pool.submit(() -> {
                    while (writing.get()) {
                        drain.drain("bot", 5, event -> handled.add(event.id()));
                    }
                }));
            }
            for (Future<?> writer : writing1) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> drainer : draining) {
                drainer.get(60, TimeUnit.SECONDS);
            }
            drainAll("bot").forEach(event -> handled.add(event.id()));

            List<Long> written = database.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT id FROM desk_events ORDER BY id").mapTo(Long.class).list());
            assertEquals(handled.size(), new HashSet<>(handled).size(), "no event handed out twice");
            assertEquals(new HashSet<>(written), new HashSet<>(handled), "every event handed out");
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void theHandlersWritesJoinTheDrainAndAFailureUndoesBoth() {
        append(deleted());
        append(deleted());

        assertThrows(IllegalStateException.class, () -> drain.drain("bot", 10, event -> {
            recordHandled(event);
            if (handledCount() == 2) {
                throw new IllegalStateException("the second one fails");
            }
        }));
        assertEquals(0L, committedHandled(), "the handler's writes were rolled back with the drain");

        assertEquals(2, drain.drain("bot", 10, this::recordHandled), "the same events come again");
        assertEquals(2L, committedHandled());
        assertEquals(0, drain.drain("bot", 10, this::recordHandled));
    }

    private long committedHandled() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM handled")
                .mapTo(Long.class).one());
    }

    private void recordHandled(RecordedDeskEvent event) {
        transactions.withHandle(handle -> handle.createUpdate("INSERT INTO handled (event_id) VALUES (:id)")
                .bind("id", event.id()).execute());
    }

    /** Counted inside the drain's transaction: it sees its own uncommitted rows. */
    private long handledCount() {
        return transactions.withHandle(handle -> handle.createQuery("SELECT count(*) FROM handled")
                .mapTo(Long.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
