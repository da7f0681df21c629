package io.ticketdesk.application.service.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.tickets.CreateTicketCommand;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.TicketFilter;
import io.ticketdesk.application.port.in.tickets.TicketSort;
import io.ticketdesk.application.port.in.tickets.UpdateTicketCommand;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.service.InMemoryDesk;
import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketChange;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserBlockedException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ticket use cases on in-memory out-ports: their rules hold whoever calls, HTTP or not. */
class TicketServicesTest {

    private final InMemoryDesk desk = new InMemoryDesk();
    private final CreateTicketService create = new CreateTicketService(desk.tickets, desk.categories, desk.readModel,
            desk.transactions, desk.changes, desk.clock);
    private final UpdateTicketService update = new UpdateTicketService(desk.tickets, desk.users, desk.readModel,
            desk.transactions, desk.changes, desk.clock);
    private final DeleteTicketService delete = new DeleteTicketService(desk.tickets, desk.transactions, desk.changes,
            desk.files, desk.fileStore);
    private final TicketQueriesService queries = new TicketQueriesService(desk.tickets, desk.readModel);
    private final CloseInactiveTicketsService autoClose = new CloseInactiveTicketsService(desk.tickets,
            desk.transactions, desk.changes, desk.clock, Duration.ofDays(3));

    private static UpdateTicketCommand change(User actor, Ticket ticket, FieldUpdate<TicketStatus> status,
                                              FieldUpdate<UUID> assignee) {
        return new UpdateTicketCommand(actor, ticket.id(), FieldUpdate.unchanged(), FieldUpdate.unchanged(), status,
                FieldUpdate.unchanged(), assignee, OptionalLong.empty());
    }

    @Test
    void aNewTicketIsStoredNumberedAndRecordedAsCreated() {
        User customer = desk.person(Role.USER);
        UUID category = desk.category(true).id();

        TicketDetails created = create.create(new CreateTicketCommand(customer, " Login fails ", "Error 500", category,
                TicketPriority.HIGH));

        assertEquals("Login fails", created.ticket().title());
        assertEquals(1, created.ticket().number());
        assertEquals(List.of(new DeskEvent.TicketCreated(created.ticket().id(), customer.id(), category,
                TicketPriority.HIGH)), desk.events());
    }

    @Test
    void anInactiveCategoryIsRefusedOnItsFieldAndABlockedAuthorAtAll() {
        User customer = desk.person(Role.USER);
        UUID inactive = desk.category(false).id();

        ValidationException refused = assertThrows(ValidationException.class, () -> create.create(
                new CreateTicketCommand(customer, "T", "D", inactive, null)));
        assertEquals(InputField.CATEGORY, refused.problems().get(0).field());
        assertThrows(UserBlockedException.class, () -> create.create(new CreateTicketCommand(
                desk.blocked(Role.USER), "T", "D", desk.category(true).id(), null)));
        assertEquals(List.of(), desk.tickets.all());
        assertEquals(List.of(), desk.events());
    }

    @Test
    void anAssignmentWritesHistorySignalAndEventTogether() {
        User customer = desk.person(Role.USER);
        User helper = desk.person(Role.HELPER);
        Ticket ticket = desk.ticketOf(customer);

        update.update(change(helper, ticket, FieldUpdate.set(TicketStatus.IN_PROGRESS), FieldUpdate.set(helper.id())));

        Ticket stored = desk.tickets.findById(ticket.id()).orElseThrow();
        assertEquals(helper.id(), stored.assigneeId());
        assertEquals(List.of(TicketChange.Field.ASSIGNEE, TicketChange.Field.STATUS),
                desk.tickets.history(ticket.id()).stream().map(TicketChange::field).toList());
        TicketSignal.Actor by = new TicketSignal.Actor(helper.id(), helper.firstName(), Role.HELPER);
        assertEquals(List.of(
                new TicketSignal.StatusChanged(ticket.id(), "OPEN", "IN_PROGRESS", by),
                new TicketSignal.TicketUpdated(ticket.id(), Map.of(TicketChange.Field.ASSIGNEE,
                        new TicketSignal.FieldChange(null, helper.id().toString())), by)), desk.signals.published());
        assertEquals(List.of(
                new DeskEvent.AssigneeChanged(ticket.id(), helper.id(), null, helper.id(), customer.id()),
                new DeskEvent.StatusChanged(ticket.id(), helper.id(), TicketStatus.OPEN, TicketStatus.IN_PROGRESS,
                        customer.id(), helper.id())), desk.events());
    }

    @Test
    void aCustomerCannotAssignAndAStaleVersionIsRefusedWithNothingRecorded() {
        User customer = desk.person(Role.USER);
        Ticket ticket = desk.ticketOf(customer);

        assertThrows(AccessDeniedException.class, () -> update.update(change(customer, ticket, FieldUpdate.unchanged(),
                FieldUpdate.set(customer.id()))));
        assertThrows(ConflictException.class, () -> update.update(new UpdateTicketCommand(customer, ticket.id(),
                FieldUpdate.set("New title"), FieldUpdate.unchanged(), FieldUpdate.unchanged(),
                FieldUpdate.unchanged(), FieldUpdate.unchanged(), OptionalLong.of(ticket.version() + 5))));
        assertEquals(List.of(), desk.tickets.history(ticket.id()));
        assertEquals(List.of(), desk.signals.all());
        assertEquals(List.of(), desk.events());
    }

    @Test
    void onlyAnActiveAdminDeletesAndTheDeletionIsSignalledAndRecorded() {
        User customer = desk.person(Role.USER);
        User admin = desk.person(Role.ADMIN);
        Ticket ticket = desk.ticketOf(customer);

        assertThrows(AccessDeniedException.class, () -> delete.delete(desk.person(Role.MODERATOR), ticket.id()));
        assertThrows(UserBlockedException.class, () -> delete.delete(desk.blocked(Role.ADMIN), ticket.id()));
        assertThrows(NotFoundException.class, () -> delete.delete(desk.person(Role.USER), ticket.id()),
                "someone else's ticket does not exist for a customer");
        delete.delete(admin, ticket.id());

        assertEquals(List.of(), desk.tickets.all());
        assertEquals(List.of(new TicketSignal.TicketDeleted(ticket.id())), desk.signals.published());
        assertEquals(List.of(new DeskEvent.TicketDeleted(ticket.id(), admin.id(), customer.id(), null)),
                desk.events());
    }

    @Test
    void queriesShowACustomerTheirOwnTicketsOnlyAndNothingToTheBlocked() {
        User customer = desk.person(Role.USER);
        User other = desk.person(Role.USER);
        Ticket own = desk.ticketOf(customer);
        Ticket theirs = desk.ticketOf(other);
        PageRequest page = new PageRequest(1, 20);

        assertEquals(List.of(own.id()), queries.list(customer, TicketFilter.none(), TicketSort.NEWEST_FIRST, page)
                .items().stream().map(summary -> summary.ticket().id()).toList());
        assertEquals(2, queries.list(desk.person(Role.HELPER), TicketFilter.none(), TicketSort.NEWEST_FIRST, page)
                .total());
        assertThrows(NotFoundException.class, () -> queries.get(customer, theirs.id()));
        assertThrows(NotFoundException.class, () -> queries.history(customer, theirs.id(), page));
        User blocked = desk.blocked(Role.ADMIN);
        assertThrows(UserBlockedException.class, () -> queries.list(blocked, TicketFilter.none(),
                TicketSort.NEWEST_FIRST, page));
        assertThrows(UserBlockedException.class, () -> queries.get(blocked, own.id()));
        assertThrows(UserBlockedException.class, () -> queries.history(blocked, own.id(), page));
    }

    @Test
    void aQuietResolvedTicketClosesByTheDeskItself() {
        User customer = desk.person(Role.USER);
        Ticket ticket = desk.ticketOf(customer);
        desk.tickets.update(ticket.withStatus(TicketStatus.RESOLVED, InMemoryDesk.NOW.minus(Duration.ofDays(4)), null)
                .touchedAt(InMemoryDesk.NOW.minus(Duration.ofDays(4))));

        assertEquals(1, autoClose.closeInactive());

        assertEquals(TicketStatus.CLOSED, desk.tickets.findById(ticket.id()).orElseThrow().status());
        assertEquals(List.of(new TicketSignal.StatusChanged(ticket.id(), "RESOLVED", "CLOSED", null)),
                desk.signals.published());
        assertEquals(List.of(new DeskEvent.StatusChanged(ticket.id(), null, TicketStatus.RESOLVED, TicketStatus.CLOSED,
                customer.id(), null)), desk.events());
    }
}
