package io.ticketdesk.adapters.http.tickets;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import io.javalin.http.Context;
import io.ticketdesk.adapters.http.ApiRoutes;
import io.ticketdesk.adapters.http.auth.CallerAuthentication;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.adapters.http.i18n.Messages;
import io.ticketdesk.adapters.http.json.JsonRequest;
import io.ticketdesk.adapters.http.json.QueryParameters;
import io.ticketdesk.adapters.http.paging.MessageBody;
import io.ticketdesk.adapters.http.paging.PageResponse;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.tickets.CreateTicketCommand;
import io.ticketdesk.application.port.in.tickets.CreateTicketUseCase;
import io.ticketdesk.application.port.in.tickets.DeleteTicketUseCase;
import io.ticketdesk.application.port.in.tickets.GetTicketQuery;
import io.ticketdesk.application.port.in.tickets.ListTicketsQuery;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.TicketFilter;
import io.ticketdesk.application.port.in.tickets.TicketHistoryQuery;
import io.ticketdesk.application.port.in.tickets.TicketSort;
import io.ticketdesk.application.port.in.tickets.UpdateTicketCommand;
import io.ticketdesk.application.port.in.tickets.UpdateTicketUseCase;
import io.ticketdesk.domain.InputField;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.User;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /tickets}: the list, one ticket, its edits and its history. */
public final class TicketsController implements ApiRoutes {

    /** The ETag of a ticket is its version; {@code If-Match} with it makes an edit fail on a stale read. */
    private static final Pattern VERSION_TAG = Pattern.compile("\\s*(?:W/)?\"v(\\d{1,18})\"\\s*");

    public record UseCases(ListTicketsQuery list, GetTicketQuery get, CreateTicketUseCase create,
                           UpdateTicketUseCase update, DeleteTicketUseCase delete, TicketHistoryQuery history) {
    }

    private final UseCases useCases;

    public TicketsController(UseCases useCases) {
        this.useCases = useCases;
    }

    @Override
    public void addEndpoints() {
        path("/tickets", () -> {
            get(this::list);
            post(this::create);
            path("/{id}", () -> {
                get(this::details);
                put(this::update);
                delete(this::remove);
                get("/history", this::history);
            });
        });
    }

    private void list(Context ctx) {
        QueryParameters query = QueryParameters.of(ctx);
        Optional<TicketStatus> status = query.enumValue("status", TicketStatus.class);
        Optional<UUID> category = query.uuid("category_id");
        Optional<TicketPriority> priority = query.enumValue("priority", TicketPriority.class);
        boolean unassigned = query.text("assigned_to").filter("none"::equalsIgnoreCase).isPresent();
        Optional<UUID> assignee = unassigned ? Optional.empty() : query.uuid("assigned_to");
        Optional<String> search = query.text("search");
        var page = query.page(20);
        Optional<String> sortText = query.text("sort");
        record ListRequest(TicketFilter filter, TicketSort sort, PageRequest page) {
        }
        ListRequest request = query.toQuery(() -> new ListRequest(
                new TicketFilter(status, category, priority, assignee, unassigned, search),
                sort(sortText.orElse(null)), page.get()));
        User caller = CallerAuthentication.caller(ctx);
        ctx.json(PageResponse.from(useCases.list().list(caller, request.filter(), request.sort(), request.page()),
                TicketResponses.ListItem::from));
    }

    private void create(Context ctx) {
        JsonRequest body = JsonRequest.of(ctx);
        String title = body.text("title");
        String description = body.text("description");
        UUID categoryId = body.uuid("category_id");
        TicketPriority priority = body.enumValue("priority", TicketPriority.class);
        User caller = CallerAuthentication.caller(ctx);
        TicketDetails created = useCases.create().create(body.toCommand(
                () -> new CreateTicketCommand(caller, title, description, categoryId, priority)));
        ctx.status(201).json(TicketResponses.Created.from(created.ticket()));
    }

    private void details(Context ctx) {
        respond(ctx, useCases.get().get(CallerAuthentication.caller(ctx), QueryParameters.pathId(ctx, "id")));
    }

    private void update(Context ctx) {
        UUID id = QueryParameters.pathId(ctx, "id");
        JsonRequest body = JsonRequest.of(ctx);
        var title = body.textUpdate("title");
        var description = body.textUpdate("description");
        var status = body.enumUpdate("status", TicketStatus.class);
        var priority = body.enumUpdate("priority", TicketPriority.class);
        var assignedTo = body.uuidUpdate("assigned_to");
        OptionalLong expectedVersion = expectedVersion(ctx.header("If-Match"));
        User caller = CallerAuthentication.caller(ctx);
        respond(ctx, useCases.update().update(body.toCommand(() -> new UpdateTicketCommand(caller, id, title,
                description, status, priority, assignedTo, expectedVersion))));
    }

    private void remove(Context ctx) {
        useCases.delete().delete(CallerAuthentication.caller(ctx), QueryParameters.pathId(ctx, "id"));
        ctx.json(new MessageBody(Messages.forAcceptLanguage(ctx.header("Accept-Language")).text("ticket.deleted")));
    }

    private void history(Context ctx) {
        UUID id = QueryParameters.pathId(ctx, "id");
        QueryParameters query = QueryParameters.of(ctx);
        var page = query.page(50);
        PageRequest request = query.toQuery(page);
        ctx.json(PageResponse.from(useCases.history().history(CallerAuthentication.caller(ctx), id, request),
                TicketResponses.History::from));
    }

    private static void respond(Context ctx, TicketDetails details) {
        ctx.header("ETag", "\"v" + details.ticket().version() + "\"");
        ctx.json(TicketResponses.Details.from(details));
    }

    private static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher matcher = VERSION_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "request.if_match");
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }

    /** {@code sort}: {@code created_at}, {@code updated_at} or {@code priority}, {@code -} first for descending. */
    static TicketSort sort(String text) {
        if (text == null || text.isBlank()) {
            return TicketSort.NEWEST_FIRST;
        }
        boolean descending = text.startsWith("-");
        String name = descending ? text.substring(1) : text;
        try {
            return new TicketSort(TicketSort.Key.valueOf(name.toUpperCase(Locale.ROOT)), descending);
        } catch (IllegalArgumentException unknown) {
            throw ValidationException.of(InputField.SORT, "validation.one_of", "created_at, updated_at, priority");
        }
    }
}
