package io.ticketdesk.domain.tickets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell of SPEC §3's ticket permissions. Columns, one letter per actor: the ticket's author
 * (a USER), another USER, HELPER, MODERATOR, ADMIN. {@code Y} allowed, {@code F} 403, {@code C} 409,
 * {@code N} 404, {@code V} 422.
 */
class TicketPermissionTableTest {

    private static final Instant NOW = TicketStatusTableTest.NOW;
    private static final String[] ACTORS = {"author", "other", "HELPER", "MODERATOR", "ADMIN"};

    /** What each action does, given the actor, the ticket's author and a spare staff member. */
    private record Action(String cells, Scenario scenario) {
    }

    private interface Scenario {
        void run(User actor, Cast cast);
    }

    private record Cast(User author, User otherHelper, User plainUser) {
    }

    private static final Map<String, Action> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("see", new Action("YNYYY", (actor, cast) ->
                TicketPolicy.requireVisible(actor, open(cast))));
        TABLE.put("edit title/description of an open ticket", new Action("YNYYY", (actor, cast) ->
                open(cast).edit(actor, FieldUpdate.set("New title"), FieldUpdate.unchanged(), NOW)));
        TABLE.put("edit title/description of a closed ticket", new Action("CNYYY", (actor, cast) ->
                closed(cast).edit(actor, FieldUpdate.set("New title"), FieldUpdate.unchanged(), NOW)));
        TABLE.put("change priority", new Action("FNYYY", (actor, cast) ->
                open(cast).changePriority(actor, TicketPriority.CRITICAL, NOW)));
        TABLE.put("send back the priority it already has", new Action("YNYYY", (actor, cast) ->
                open(cast).changePriority(actor, TicketPriority.NORMAL, NOW)));
        TABLE.put("send back the assignee it already has (nobody)", new Action("YNYYY", (actor, cast) ->
                open(cast).assign(actor, null, NOW)));
        TABLE.put("assign an unassigned ticket to oneself", new Action("FNYYY", (actor, cast) ->
                open(cast).assign(actor, actor, NOW)));
        TABLE.put("assign to another staff member", new Action("FNFYY", (actor, cast) ->
                open(cast).assign(actor, cast.otherHelper(), NOW)));
        TABLE.put("take a ticket assigned to someone else", new Action("FNFYY", (actor, cast) ->
                assignedTo(cast, cast.otherHelper()).assign(actor, actor, NOW)));
        TABLE.put("unassign oneself", new Action("FNYYY", (actor, cast) ->
                assignedTo(cast, actor).assign(actor, null, NOW)));
        TABLE.put("unassign someone else", new Action("FNFYY", (actor, cast) ->
                assignedTo(cast, cast.otherHelper()).assign(actor, null, NOW)));
        TABLE.put("assign to a non-staff user", new Action("FNFVV", (actor, cast) ->
                open(cast).assign(actor, cast.plainUser(), NOW)));
        TABLE.put("delete", new Action("FNFFY", (actor, cast) ->
                TicketPolicy.requireMayDelete(actor, open(cast))));
        TABLE.put("post a public message", new Action("YNYYY", (actor, cast) ->
                open(cast).onMessagePosted(actor, false, NOW)));
        TABLE.put("post an internal note", new Action("VNYYY", (actor, cast) ->
                open(cast).onMessagePosted(actor, true, NOW)));
        TABLE.put("post to a closed ticket", new Action("CNCCC", (actor, cast) ->
                closed(cast).onMessagePosted(actor, false, NOW)));
    }

    private static Ticket open(Cast cast) {
        return TicketFixtures.inStatus(cast.author(), TicketStatus.OPEN);
    }

    private static Ticket closed(Cast cast) {
        return TicketFixtures.inStatus(cast.author(), TicketStatus.CLOSED);
    }

    private static Ticket assignedTo(Cast cast, User assignee) {
        return TicketFixtures.inStatus(cast.author(), TicketStatus.IN_PROGRESS, assignee.id());
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        TABLE.forEach((name, action) -> {
            for (int i = 0; i < ACTORS.length; i++) {
                cells.add(Arguments.of(name, ACTORS[i], action.cells().charAt(i)));
            }
        });
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("cells")
    void cell(String actionName, String actorKind, char expected) {
        User author = TicketStatusTableTest.user(Role.USER);
        Cast cast = new Cast(author, TicketStatusTableTest.user(Role.HELPER), TicketStatusTableTest.user(Role.USER));
        User actor = switch (actorKind) {
            case "author" -> author;
            case "other" -> TicketStatusTableTest.user(Role.USER);
            default -> TicketStatusTableTest.user(Role.valueOf(actorKind));
        };
        Runnable attempt = () -> TABLE.get(actionName).scenario().run(actor, cast);

        switch (expected) {
            case 'Y' -> attempt.run();
            case 'F' -> assertThrows(AccessDeniedException.class, attempt::run);
            case 'C' -> assertThrows(ConflictException.class, attempt::run);
            case 'N' -> assertThrows(NotFoundException.class, attempt::run);
            case 'V' -> assertThrows(ValidationException.class, attempt::run);
            default -> fail("unknown cell " + expected);
        }
    }

}
