package io.ticketdesk.application.change;

import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.out.events.DeskEventOutbox;
import io.ticketdesk.application.port.out.persistence.MessageRepository;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketChange;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.tickets.TicketUpdate;
import io.ticketdesk.domain.users.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one path from a ticket, message or user change to its consequences. In one transaction
 * (the caller's, or one of its own) it writes the row, the history entries, the real-time signals
 * (delivered on commit) and the outbox events; so either all of them happen or none does.
 * Services decide and check; this writes. Nothing else publishes change signals or appends history.
 */
public final class DeskChangeRecorder {

    private final TicketRepository tickets;
    private final MessageRepository messages;
    private final UserRepository users;
    private final TicketSignalBus signals;
    private final DeskEventOutbox outbox;
    private final Transactions transactions;

    public DeskChangeRecorder(TicketRepository tickets, MessageRepository messages, UserRepository users,
                              TicketSignalBus signals, DeskEventOutbox outbox, Transactions transactions) {
        this.tickets = tickets;
        this.messages = messages;
        this.users = users;
        this.signals = signals;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** A new ticket. */
    public void ticketOpened(Ticket ticket) {
        transactions.inTransaction(() -> {
            tickets.insert(ticket);
            record(List.of(new DeskEvent.TicketCreated(ticket.id(), ticket.authorId(), ticket.categoryId(),
                    ticket.priority())));
            return null;
        });
    }

    /**
     * A ticket changed by {@code actor} (null: by the desk itself): the row at its expected
     * version, the history, one signal per status move plus one for the other fields, one event per entry.
     *
     * @return the ticket as stored (its version bumped)
     */
    public Ticket ticketChanged(TicketUpdate update, User actor) {
        return transactions.inTransaction(() -> {
            Ticket stored = tickets.update(update.ticket());
            tickets.appendHistory(stored.id(), update.changes());
            signalsForChanges(stored.id(), update.changes(), actor).forEach(signals::publish);
            record(eventsForChanges(stored, update.changes(), actor));
            return stored;
        });
    }

    /** A message posted, with what it did to its ticket (activity at least, maybe a status move). */
    public Ticket messagePosted(Message message, TicketUpdate ticketUpdate, User actor) {
        return transactions.inTransaction(() -> {
            messages.insert(message);
            Ticket stored = tickets.update(ticketUpdate.ticket());
            tickets.appendHistory(stored.id(), ticketUpdate.changes());
            // delivered on commit, in commit order: the message first, then the moves it caused
            signals.publish(new TicketSignal.MessagePosted(stored.id(), message.id(), message.internal()));
            signalsForChanges(stored.id(), ticketUpdate.changes(), actor).forEach(signals::publish);
            List<DeskEvent> events = new ArrayList<>();
            events.add(new DeskEvent.MessagePosted(stored.id(), message.id(), message.authorId(), message.internal(),
                    stored.authorId(), stored.assigneeId()));
            events.addAll(eventsForChanges(stored, ticketUpdate.changes(), actor));
            record(events);
            return stored;
        });
    }

    /** A ticket deleted by {@code actor}; its messages and history go with it. */
    public void ticketDeleted(Ticket ticket, User actor) {
        transactions.inTransaction(() -> {
            tickets.delete(ticket.id());
            signals.publish(new TicketSignal.TicketDeleted(ticket.id()));
            record(List.of(new DeskEvent.TicketDeleted(ticket.id(), actor.id(), ticket.authorId(),
                    ticket.assigneeId())));
            return null;
        });
    }

    /**
     * A person's role or status changed from {@code before} to {@code after} by {@code actor}.
     *
     * @return the person as stored
     */
    public User accessChanged(User before, User after, User actor) {
        return transactions.inTransaction(() -> {
            User stored = users.updateRoleAndStatus(after);
            signals.publish(new TicketSignal.AccessChanged(stored.id()));
            List<DeskEvent> events = new ArrayList<>();
            if (before.active() != stored.active()) {
                events.add(stored.active() ? new DeskEvent.UserUnblocked(stored.id(), actor.id())
                        : new DeskEvent.UserBlocked(stored.id(), actor.id()));
            }
            if (before.role() != stored.role()) {
                events.add(new DeskEvent.RoleChanged(stored.id(), actor.id(), before.role(), stored.role()));
            }
            record(events);
            return stored;
        });
    }

    private void record(List<DeskEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        events.forEach(outbox::append);
        // one wake-up per transaction: identical notifications of one transaction are folded into one
        signals.publish(new TicketSignal.EventsRecorded());
    }

    /**
     * The signals a set of history entries makes: one {@code StatusChanged} per status move, and
     * one {@code TicketUpdated} gathering the title, priority and assignment changes.
     */
    private static List<TicketSignal> signalsForChanges(UUID ticketId, List<TicketChange> changes, User actor) {
        TicketSignal.Actor by = actor == null ? null : new TicketSignal.Actor(actor.id(), actor.firstName(),
                actor.role());
        List<TicketSignal> made = new ArrayList<>();
        Map<TicketChange.Field, TicketSignal.FieldChange> updated = new LinkedHashMap<>();
        for (TicketChange change : changes) {
            if (change.field() == TicketChange.Field.STATUS) {
                made.add(new TicketSignal.StatusChanged(ticketId, change.oldValue(), change.newValue(), by));
            } else {
                updated.put(change.field(), new TicketSignal.FieldChange(change.oldValue(), change.newValue()));
            }
        }
        if (!updated.isEmpty()) {
            made.add(new TicketSignal.TicketUpdated(ticketId, updated, by));
        }
        return made;
    }

    private static List<DeskEvent> eventsForChanges(Ticket ticket, List<TicketChange> changes, User actor) {
        UUID actorId = actor == null ? null : actor.id();
        List<DeskEvent> events = new ArrayList<>();
        for (TicketChange change : changes) {
            events.add(switch (change.field()) {
                case STATUS -> new DeskEvent.StatusChanged(ticket.id(), actorId, TicketStatus.valueOf(change.oldValue()),
                        TicketStatus.valueOf(change.newValue()), ticket.authorId(), ticket.assigneeId());
                case ASSIGNEE -> new DeskEvent.AssigneeChanged(ticket.id(), actorId, uuid(change.oldValue()),
                        uuid(change.newValue()), ticket.authorId());
                case PRIORITY -> new DeskEvent.PriorityChanged(ticket.id(), actorId,
                        TicketPriority.valueOf(change.oldValue()), TicketPriority.valueOf(change.newValue()),
                        ticket.authorId(), ticket.assigneeId());
                case TITLE -> new DeskEvent.TitleChanged(ticket.id(), actorId, ticket.authorId(), ticket.assigneeId());
            });
        }
        return events;
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
