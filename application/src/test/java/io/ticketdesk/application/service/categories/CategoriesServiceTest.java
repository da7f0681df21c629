package io.ticketdesk.application.service.categories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.in.categories.CreateCategoryCommand;
import io.ticketdesk.application.port.in.categories.UpdateCategoryCommand;
import io.ticketdesk.application.service.InMemoryDesk;
import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.categories.Category;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserBlockedException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Category administration on in-memory out-ports: ADMIN writes, staff sees inactive ones. */
class CategoriesServiceTest {

    private final InMemoryDesk desk = new InMemoryDesk();
    private final CategoriesService service = new CategoriesService(desk.categories, desk.transactions, desk.clock);

    private static UpdateCategoryCommand deactivate(User actor, UUID id) {
        return new UpdateCategoryCommand(actor, id, FieldUpdate.unchanged(), FieldUpdate.unchanged(),
                FieldUpdate.unchanged(), FieldUpdate.unchanged(), FieldUpdate.set(false), FieldUpdate.unchanged());
    }

    @Test
    void onlyAnActiveAdminCreatesEditsAndDeletes() {
        User admin = desk.person(Role.ADMIN);
        Category billing = service.create(new CreateCategoryCommand(admin, "Billing", null, null, null, 1));

        for (User refused : List.of(desk.person(Role.MODERATOR), desk.person(Role.USER))) {
            assertThrows(AccessDeniedException.class, () -> service.create(new CreateCategoryCommand(refused, "X",
                    null, null, null, null)));
            assertThrows(AccessDeniedException.class, () -> service.update(deactivate(refused, billing.id())));
            assertThrows(AccessDeniedException.class, () -> service.delete(refused, billing.id()));
        }
        User blockedAdmin = desk.blocked(Role.ADMIN);
        assertThrows(UserBlockedException.class, () -> service.delete(blockedAdmin, billing.id()));
        assertEquals(List.of(billing), desk.categories.list(true));
    }

    @Test
    void inactiveCategoriesAreForStaffEyesOnly() {
        User admin = desk.person(Role.ADMIN);
        Category open = service.create(new CreateCategoryCommand(admin, "Open", null, null, null, 1));
        Category retired = service.create(new CreateCategoryCommand(admin, "Retired", null, null, null, 2));
        service.update(deactivate(admin, retired.id()));

        assertEquals(List.of(open), service.list(desk.person(Role.USER), true), "a customer asking gets active ones");
        assertEquals(List.of(open.id(), retired.id()), service.list(desk.person(Role.HELPER), true).stream()
                .map(Category::id).toList());
        assertEquals(List.of(open), service.list(desk.person(Role.HELPER), false));
        assertThrows(UserBlockedException.class, () -> service.list(desk.blocked(Role.ADMIN), true));
    }

    @Test
    void aCategoryWithTicketsStaysAndNamesStayUnique() {
        User admin = desk.person(Role.ADMIN);
        Category used = service.create(new CreateCategoryCommand(admin, "Used", null, null, null, 1));
        desk.tickets.insert(Ticket.open(UUID.randomUUID(), "T", "D", TicketPriority.LOW, used.id(),
                desk.person(Role.USER).id(), InMemoryDesk.NOW));

        assertThrows(ConflictException.class, () -> service.delete(admin, used.id()));
        assertThrows(ConflictException.class, () -> service.create(new CreateCategoryCommand(admin, "USED", null, null,
                null, 2)));
        assertEquals(List.of(used), desk.categories.list(true));
    }
}
