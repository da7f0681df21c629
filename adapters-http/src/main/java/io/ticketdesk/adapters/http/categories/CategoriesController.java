package io.ticketdesk.adapters.http.categories;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.ticketdesk.adapters.http.ApiRoutes;
import io.ticketdesk.adapters.http.auth.CallerAuthentication;
import io.ticketdesk.adapters.http.i18n.Messages;
import io.ticketdesk.adapters.http.json.JsonRequest;
import io.ticketdesk.adapters.http.json.QueryParameters;
import io.ticketdesk.adapters.http.paging.MessageBody;
import io.ticketdesk.application.port.in.categories.CreateCategoryCommand;
import io.ticketdesk.application.port.in.categories.CreateCategoryUseCase;
import io.ticketdesk.application.port.in.categories.DeleteCategoryUseCase;
import io.ticketdesk.application.port.in.categories.ListCategoriesQuery;
import io.ticketdesk.application.port.in.categories.UpdateCategoryCommand;
import io.ticketdesk.application.port.in.categories.UpdateCategoryUseCase;
import io.ticketdesk.domain.categories.Category;
import io.ticketdesk.domain.users.User;
import java.util.UUID;

/** {@code /categories}: a plain array to read, ADMIN to change. */
public final class CategoriesController implements ApiRoutes {

    public record UseCases(ListCategoriesQuery list, CreateCategoryUseCase create, UpdateCategoryUseCase update,
                           DeleteCategoryUseCase delete) {
    }

    private final UseCases useCases;

    public CategoriesController(UseCases useCases) {
        this.useCases = useCases;
    }

    @Override
    public void addEndpoints() {
        path("/categories", () -> {
            get(this::list);
            post(this::create);
            put("/{id}", this::update);
            delete("/{id}", this::remove);
        });
    }

    private void list(Context ctx) {
        QueryParameters query = QueryParameters.of(ctx);
        boolean includeInactive = query.bool("include_inactive");
        query.toQuery(() -> includeInactive);
        ctx.json(useCases.list().list(CallerAuthentication.caller(ctx), includeInactive).stream()
                .map(Shown::from).toList());
    }

    private void create(Context ctx) {
        JsonRequest body = JsonRequest.of(ctx);
        String name = body.text("name");
        String description = body.text("description");
        String icon = body.text("icon");
        String color = body.text("color");
        Integer sortOrder = body.integer("sort_order");
        User caller = CallerAuthentication.caller(ctx);
        Category created = useCases.create().create(body.toCommand(
                () -> new CreateCategoryCommand(caller, name, description, icon, color, sortOrder)));
        ctx.status(201).json(Shown.from(created));
    }

    private void update(Context ctx) {
        UUID id = QueryParameters.pathId(ctx, "id");
        JsonRequest body = JsonRequest.of(ctx);
        var name = body.textUpdate("name");
        var description = body.textUpdate("description");
        var icon = body.textUpdate("icon");
        var color = body.textUpdate("color");
        var active = body.boolUpdate("is_active");
        var sortOrder = body.integerUpdate("sort_order");
        User caller = CallerAuthentication.caller(ctx);
        ctx.json(Shown.from(useCases.update().update(body.toCommand(() -> new UpdateCategoryCommand(caller, id, name,
                description, icon, color, active, sortOrder)))));
    }

    private void remove(Context ctx) {
        useCases.delete().delete(CallerAuthentication.caller(ctx), QueryParameters.pathId(ctx, "id"));
        ctx.json(new MessageBody(Messages.forAcceptLanguage(ctx.header("Accept-Language")).text("category.deleted")));
    }

    record Shown(UUID id, String name, String description, String icon, String color,
                 @JsonProperty("is_active") boolean active, int sortOrder) {
        static Shown from(Category c) {
            return new Shown(c.id(), c.name(), c.description(), c.icon(), c.color(), c.active(), c.sortOrder());
        }
    }
}
