package io.ticketdesk.adapters.persistence.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.ticketdesk.adapters.persistence.TestDatabases;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.domain.tickets.TicketChange;
import io.ticketdesk.domain.users.Role;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresTicketSignalBusTest {

    private static PostgresUrl url;
    private static PostgresDatabase database;
    private static JdbiTransactions transactions;

    @BeforeAll
    static void open() {
        url = TestDatabases.newDatabase();
        database = PostgresDatabase.open(url, 4);
        transactions = new JdbiTransactions(database.jdbi());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static final UUID TICKET = UUID.randomUUID();
    private static final TicketSignal.Actor ACTOR = new TicketSignal.Actor(UUID.randomUUID(), "Анна", Role.HELPER);

    @Test
    void everyKindOfSignalSurvivesTheWireForm() throws IOException {
        Map<TicketChange.Field, TicketSignal.FieldChange> changes = new LinkedHashMap<>();
        changes.put(TicketChange.Field.TITLE, new TicketSignal.FieldChange("Old \"quoted\"", "Новый"));
        changes.put(TicketChange.Field.ASSIGNEE, new TicketSignal.FieldChange(null, UUID.randomUUID().toString()));
        List<TicketSignal> signals = List.of(
                new TicketSignal.MessagePosted(TICKET, UUID.randomUUID(), true),
                new TicketSignal.StatusChanged(TICKET, "OPEN", "IN_PROGRESS", ACTOR),
                new TicketSignal.StatusChanged(TICKET, "RESOLVED", "CLOSED", null),
                new TicketSignal.TicketUpdated(TICKET, changes, ACTOR),
                new TicketSignal.Typing(TICKET, UUID.randomUUID(), "Ann", true, false),
                new TicketSignal.TicketDeleted(TICKET),
                new TicketSignal.AccessChanged(UUID.randomUUID()),
                new TicketSignal.EventsRecorded());

        for (TicketSignal signal : signals) {
            TicketSignal back = PostgresTicketSignalBus.SignalCodec.decode(PostgresTicketSignalBus.SignalCodec.encode(signal));
            assertEquals(signal, back);
            if (back instanceof TicketSignal.TicketUpdated updated) {
                assertEquals(List.copyOf(changes.keySet()), List.copyOf(updated.changes().keySet()), "order kept");
            }
        }
    }

    @Test
    void signalsReachEveryListenerOnlyOnCommitAndInCommitOrder() throws Exception {
        try (PostgresTicketSignalBus first = new PostgresTicketSignalBus(transactions, url);
             PostgresTicketSignalBus second = new PostgresTicketSignalBus(transactions, url)) {
            BlockingQueue<TicketSignal> atFirst = new LinkedBlockingQueue<>();
            BlockingQueue<TicketSignal> atSecond = new LinkedBlockingQueue<>();
            first.subscribe(atFirst::add);
            second.subscribe(atSecond::add);
            first.start(Duration.ofSeconds(10));
            second.start(Duration.ofSeconds(10));

            assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
                first.publish(new TicketSignal.TicketDeleted(TICKET));
                throw new IllegalStateException("rolled back");
            }));
            List<TicketSignal> sent = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                TicketSignal signal = new TicketSignal.MessagePosted(TICKET, UUID.randomUUID(), i % 2 == 0);
                sent.add(signal);
                transactions.inTransaction(() -> {
                    first.publish(signal);
                    return null;
                });
            }

            for (BlockingQueue<TicketSignal> received : List.of(atFirst, atSecond)) {
                List<TicketSignal> got = new ArrayList<>();
                for (int i = 0; i < sent.size(); i++) {
                    got.add(received.poll(5, TimeUnit.SECONDS));
                }
                assertEquals(sent, got);
                assertNull(received.poll(300, TimeUnit.MILLISECONDS), "the rolled-back signal never arrives");
            }
        }
    }

    @Test
    void anyWriteToAUserRowSignalsAccessChangedInTheServicesOwnWireForm() throws Exception {
        try (PostgresTicketSignalBus bus = new PostgresTicketSignalBus(transactions, url)) {
            BlockingQueue<TicketSignal> received = new LinkedBlockingQueue<>();
            bus.subscribe(received::add);
            bus.start(Duration.ofSeconds(10));
            UUID user = UUID.randomUUID();
            database.jdbi().useHandle(handle -> {
                handle.execute("INSERT INTO users (id, telegram_id, first_name, role, is_active, created_at, updated_at)"
                        + " VALUES (?, ?, 'Ann', 'USER', true, now(), now())", user, 770_001L);
                // both in one transaction, as the service publishes the signal itself: delivered once
                handle.useTransaction(tx -> {
                    tx.execute("UPDATE users SET is_active = false WHERE id = ?", user);
                    tx.createQuery("SELECT pg_notify('" + PostgresTicketSignalBus.CHANNEL + "', :payload)")
                            .bind("payload", PostgresTicketSignalBus.SignalCodec.encode(
                                    new TicketSignal.AccessChanged(user)))
                            .mapTo(String.class).one();
                });
            });

            assertEquals(new TicketSignal.AccessChanged(user), received.poll(5, TimeUnit.SECONDS), "on insert");
            assertEquals(new TicketSignal.AccessChanged(user), received.poll(5, TimeUnit.SECONDS), "on update");
            bus.awaitEarlierSignals(Duration.ofSeconds(5));
            assertNull(received.poll(), "the trigger's text and the service's are one notification");
        }
    }

    @Test
    void listeningResumesAfterTheConnectionIsKilled() throws Exception {
        try (PostgresTicketSignalBus bus = new PostgresTicketSignalBus(transactions, url)) {
            BlockingQueue<TicketSignal> received = new LinkedBlockingQueue<>();
            bus.subscribe(received::add);
            bus.start(Duration.ofSeconds(10));

            List<Boolean> killed = database.jdbi().withHandle(handle -> handle.createQuery("""
                            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                            WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()""")
                    .mapTo(Boolean.class).list());
            assertEquals(List.of(true), killed, "the listening connection was cut");

            TicketSignal later = new TicketSignal.TicketDeleted(UUID.randomUUID());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            TicketSignal got = null;
            boolean toldMissed = false;
            while ((got == null || got instanceof TicketSignal.SignalsMissed) && System.nanoTime() < deadline) {
                toldMissed |= got instanceof TicketSignal.SignalsMissed;
                bus.publish(later); // keeps publishing until the listener is back
                got = received.poll(500, TimeUnit.MILLISECONDS);
            }
            assertEquals(later, got);
            assertTrue(toldMissed, "receivers were told that signals may have been lost");
        }
    }
}
