package io.ticketdesk.application.service.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.messages.PostMessageCommand;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.service.InMemoryDesk;
import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketChange;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserBlockedException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Posting and reading messages on in-memory out-ports: visibility and the moves a message causes. */
class MessageServicesTest {

    private final InMemoryDesk desk = new InMemoryDesk();
    private final PostMessageService post = new PostMessageService(desk.tickets, desk.files, desk.readModel,
            desk.transactions, desk.changes, desk.clock);
    private final ListMessagesService list = new ListMessagesService(desk.tickets, desk.readModel);
    private final PageRequest page = new PageRequest(1, 50);

    @Test
    void aStaffAnswerOnAnOpenTicketStartsWorkTakesItAndIsRecordedInOrder() {
        User customer = desk.person(Role.USER);
        User helper = desk.person(Role.HELPER);
        Ticket ticket = desk.ticketOf(customer);

        MessageView answer = post.post(new PostMessageCommand(helper, ticket.id(), "On it", false, List.of()));

        Ticket stored = desk.tickets.findById(ticket.id()).orElseThrow();
        assertEquals(TicketStatus.IN_PROGRESS, stored.status());
        assertEquals(helper.id(), stored.assigneeId());
        TicketSignal.Actor by = new TicketSignal.Actor(helper.id(), helper.firstName(), Role.HELPER);
        assertEquals(List.of(
                new TicketSignal.MessagePosted(ticket.id(), answer.message().id(), false),
                new TicketSignal.StatusChanged(ticket.id(), "OPEN", "IN_PROGRESS", by),
                new TicketSignal.TicketUpdated(ticket.id(), Map.of(TicketChange.Field.ASSIGNEE,
                        new TicketSignal.FieldChange(null, helper.id().toString())), by)), desk.signals.published());
        assertEquals(List.of(
                new DeskEvent.MessagePosted(ticket.id(), answer.message().id(), helper.id(), false, customer.id(),
                        helper.id()),
                new DeskEvent.StatusChanged(ticket.id(), helper.id(), TicketStatus.OPEN, TicketStatus.IN_PROGRESS,
                        customer.id(), helper.id()),
                new DeskEvent.AssigneeChanged(ticket.id(), helper.id(), null, helper.id(), customer.id())),
                desk.events());
    }

    @Test
    void anInternalNoteIsRecordedAsInternalAndHiddenFromTheCustomer() {
        User customer = desk.person(Role.USER);
        User helper = desk.person(Role.HELPER);
        Ticket ticket = desk.ticketOf(customer);

        MessageView note = post.post(new PostMessageCommand(helper, ticket.id(), "Refund approved", true, List.of()));
        post.post(new PostMessageCommand(customer, ticket.id(), "Any news?", false, List.of()));

        assertEquals(List.of("Any news?"), list.list(customer, ticket.id(), page).items().stream()
                .map(view -> view.message().content()).toList());
        assertEquals(2, list.list(helper, ticket.id(), page).total());
        assertEquals(new DeskEvent.MessagePosted(ticket.id(), note.message().id(), helper.id(), true, customer.id(),
                null), desk.events().get(0));
        assertEquals(TicketStatus.OPEN, desk.tickets.findById(ticket.id()).orElseThrow().status(),
                "a note starts no work");
    }

    @Test
    void customersPostOnTheirOwnTicketsOnlyAndNeverInternally() {
        User customer = desk.person(Role.USER);
        Ticket theirs = desk.ticketOf(desk.person(Role.USER));
        Ticket own = desk.ticketOf(customer);

        assertThrows(NotFoundException.class, () -> post.post(new PostMessageCommand(customer, theirs.id(), "Hi",
                false, List.of())));
        ValidationException internal = assertThrows(ValidationException.class, () -> post.post(
                new PostMessageCommand(customer, own.id(), "Psst", true, List.of())));
        assertEquals(InputField.INTERNAL, internal.problems().get(0).field());
        assertThrows(NotFoundException.class, () -> list.list(customer, theirs.id(), page));
        assertEquals(List.of(), desk.messages.all());
        assertEquals(List.of(), desk.events());
    }

    @Test
    void anUnavailableAttachmentUndoesNothingItCannotAndTheBlockedAreRefused() {
        User customer = desk.person(Role.USER);
        Ticket own = desk.ticketOf(customer);

        ValidationException refused = assertThrows(ValidationException.class, () -> post.post(new PostMessageCommand(
                customer, own.id(), "See attached", false, List.of(UUID.randomUUID()))));
        assertEquals(InputField.ATTACHMENTS, refused.problems().get(0).field());
        User blocked = desk.blocked(Role.HELPER);
        assertThrows(UserBlockedException.class, () -> post.post(new PostMessageCommand(blocked, own.id(), "Hi",
                false, List.of())));
        assertThrows(UserBlockedException.class, () -> list.list(blocked, own.id(), page));
    }
}
