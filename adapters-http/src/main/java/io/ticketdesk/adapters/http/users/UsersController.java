package io.ticketdesk.adapters.http.users;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.ticketdesk.adapters.http.ApiRoutes;
import io.ticketdesk.adapters.http.auth.CallerAuthentication;
import io.ticketdesk.adapters.http.auth.UserResponse;
import io.ticketdesk.adapters.http.json.JsonRequest;
import io.ticketdesk.adapters.http.json.QueryParameters;
import io.ticketdesk.adapters.http.paging.PageResponse;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.users.ChangeRoleCommand;
import io.ticketdesk.application.port.in.users.ChangeRoleUseCase;
import io.ticketdesk.application.port.in.users.ChangeUserStatusCommand;
import io.ticketdesk.application.port.in.users.ChangeUserStatusUseCase;
import io.ticketdesk.application.port.in.users.ListUsersQuery;
import io.ticketdesk.application.port.in.users.UserFilter;
import io.ticketdesk.application.port.in.users.UserListItem;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** {@code /users}: the people list (MODERATOR+), role changes and blocks (ADMIN). */
public final class UsersController implements ApiRoutes {

    public record UseCases(ListUsersQuery list, ChangeRoleUseCase changeRole, ChangeUserStatusUseCase changeStatus) {
    }

    private final UseCases useCases;

    public UsersController(UseCases useCases) {
        this.useCases = useCases;
    }

    @Override
    public void addEndpoints() {
        path("/users", () -> {
            get(this::list);
            put("/{id}/role", this::changeRole);
            put("/{id}/status", this::changeStatus);
        });
    }

    private void list(Context ctx) {
        QueryParameters query = QueryParameters.of(ctx);
        Optional<Role> role = query.enumValue("role", Role.class);
        Optional<Boolean> active = query.optionalBool("is_active");
        Optional<String> search = query.text("search");
        var page = query.page(20);
        record ListRequest(UserFilter filter, PageRequest page) {
        }
        ListRequest request = query.toQuery(() -> new ListRequest(new UserFilter(role, active, search), page.get()));
        ctx.json(PageResponse.from(useCases.list().list(CallerAuthentication.caller(ctx), request.filter(),
                request.page()), ListItem::from));
    }

    private void changeRole(Context ctx) {
        UUID id = QueryParameters.pathId(ctx, "id");
        JsonRequest body = JsonRequest.of(ctx);
        Role role = body.enumValue("role", Role.class);
        User caller = CallerAuthentication.caller(ctx);
        ctx.json(UserResponse.from(useCases.changeRole().changeRole(
                body.toCommand(() -> new ChangeRoleCommand(caller, id, role)))));
    }

    private void changeStatus(Context ctx) {
        UUID id = QueryParameters.pathId(ctx, "id");
        JsonRequest body = JsonRequest.of(ctx);
        Boolean active = body.bool("is_active");
        User caller = CallerAuthentication.caller(ctx);
        ctx.json(UserResponse.from(useCases.changeStatus().changeStatus(
                body.toCommand(() -> new ChangeUserStatusCommand(caller, id, active)))));
    }

    /** The seed's list item, plus {@code last_name} (the search looks at it too). */
    record ListItem(UUID id, long telegramId, String username, String firstName, String lastName, String role,
                    @JsonProperty("is_active") boolean active, Instant createdAt, long ticketsCount,
                    Instant lastActivity) {
        static ListItem from(UserListItem item) {
            User u = item.user();
            return new ListItem(u.id(), u.telegramId(), u.username(), u.firstName(), u.lastName(), u.role().name(),
                    u.active(), u.createdAt(), item.ticketsCount(), item.lastActivity());
        }
    }
}
