package io.ticketdesk.application.service.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.messages.PostMessageCommand;
import io.ticketdesk.application.port.in.realtime.LiveEvent;
import io.ticketdesk.application.port.in.realtime.TicketWatcher;
import io.ticketdesk.application.port.in.users.ChangeUserStatusCommand;
import io.ticketdesk.application.service.InMemoryDesk;
import io.ticketdesk.application.service.messages.PostMessageService;
import io.ticketdesk.application.service.tickets.DeleteTicketService;
import io.ticketdesk.application.service.users.UserAdministrationService;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserBlockedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live hub on in-memory out-ports: who is shown what, and who loses their watch when. */
class LiveTicketsServiceTest {

    private final InMemoryDesk desk = new InMemoryDesk();
    private final LiveTicketsService live = new LiveTicketsService(desk.signals, desk.tickets, desk.users,
            desk.readModel);
    private final PostMessageService post = new PostMessageService(desk.tickets, desk.files, desk.readModel,
            desk.transactions, desk.changes, desk.clock);

    /** A watcher that keeps what it is shown. */
    private static final class Screen implements TicketWatcher {
        final List<LiveEvent> shown = new ArrayList<>();
        final List<String> revoked = new ArrayList<>();

        @Override
        public void deliver(LiveEvent event) {
            shown.add(event);
        }

        @Override
        public void revoke(String reason) {
            revoked.add(reason);
        }

        List<Class<?>> kinds() {
            return shown.stream().<Class<?>>map(Object::getClass).toList();
        }
    }

    @Test
    void aCustomerSeesPublicMessagesAndMovesButNeverInternalNotes() {
        User customer = desk.person(Role.USER);
        User helper = desk.person(Role.HELPER);
        Ticket ticket = desk.ticketOf(customer);
        Screen customerScreen = new Screen();
        Screen helperScreen = new Screen();
        live.watch(customer, ticket.id(), customerScreen);
        live.watch(helper, ticket.id(), helperScreen);

        post.post(new PostMessageCommand(helper, ticket.id(), "Internal: refund approved", true, List.of()));
        post.post(new PostMessageCommand(helper, ticket.id(), "On it", false, List.of()));

        assertEquals(List.of(LiveEvent.NewMessage.class, LiveEvent.StatusChanged.class, LiveEvent.TicketUpdated.class),
                customerScreen.kinds());
        assertEquals("On it", ((LiveEvent.NewMessage) customerScreen.shown.get(0)).message().message().content());
        assertEquals(List.of(LiveEvent.NewMessage.class, LiveEvent.NewMessage.class, LiveEvent.StatusChanged.class,
                LiveEvent.TicketUpdated.class), helperScreen.kinds());
    }

    @Test
    void typingReachesOthersNotTheSenderAndInternalTypingOnlyStaff() {
        User customer = desk.person(Role.USER);
        User helper = desk.person(Role.HELPER);
        User moderator = desk.person(Role.MODERATOR);
        Ticket ticket = desk.ticketOf(customer);
        Screen customerScreen = new Screen();
        Screen helperScreen = new Screen();
        Screen moderatorScreen = new Screen();
        live.watch(customer, ticket.id(), customerScreen);
        live.watch(helper, ticket.id(), helperScreen);
        live.watch(moderator, ticket.id(), moderatorScreen);

        live.typing(helper, ticket.id(), true, true);

        assertEquals(List.of(), helperScreen.shown, "not back to the sender");
        assertEquals(List.of(), customerScreen.shown, "internal typing is for staff");
        assertEquals(List.of(new LiveEvent.Typing(ticket.id(), helper.id(), helper.firstName(), true)),
                moderatorScreen.shown);
        assertThrows(ValidationException.class, () -> live.typing(customer, ticket.id(), true, true));
    }

    @Test
    void nobodyWatchesOrTypesOnATicketTheyCannotSeeNorWhenBlocked() {
        User customer = desk.person(Role.USER);
        Ticket theirs = desk.ticketOf(desk.person(Role.USER));

        assertThrows(NotFoundException.class, () -> live.watch(customer, theirs.id(), new Screen()));
        assertThrows(NotFoundException.class, () -> live.typing(customer, theirs.id(), true, false));
        assertThrows(UserBlockedException.class, () -> live.watch(desk.blocked(Role.HELPER), theirs.id(),
                new Screen()));
        assertThrows(UserBlockedException.class, () -> live.typing(desk.blocked(Role.HELPER), theirs.id(), true,
                false));
        assertEquals(List.of(), desk.signals.all());
    }

    @Test
    void aDeletionOrABlockEndsTheWatch() {
        User customer = desk.person(Role.USER);
        User admin = desk.person(Role.ADMIN);
        Ticket gone = desk.ticketOf(customer);
        Ticket kept = desk.ticketOf(customer);
        Screen onGone = new Screen();
        Screen onKept = new Screen();
        live.watch(customer, gone.id(), onGone);
        live.watch(customer, kept.id(), onKept);

        new DeleteTicketService(desk.tickets, desk.transactions, desk.changes, desk.files, desk.fileStore)
                .delete(admin, gone.id());
        assertEquals(List.of("ticket.not_found"), onGone.revoked);
        assertTrue(onKept.revoked.isEmpty());

        new UserAdministrationService(desk.users, desk.transactions, desk.changes, desk.clock)
                .changeStatus(new ChangeUserStatusCommand(admin, customer.id(), false));
        assertEquals(List.of("user.blocked"), onKept.revoked);
    }
}
