package io.ticketdesk.adapters.http.health;

import static io.javalin.apibuilder.ApiBuilder.get;

import io.javalin.http.Context;
import io.ticketdesk.adapters.http.Access;
import io.ticketdesk.adapters.http.ApiRoutes;
import io.ticketdesk.application.port.in.health.CheckHealthQuery;

/** {@code GET /health}: 200 while the database answers, 503 otherwise; for load balancers, no token. */
public final class HealthController implements ApiRoutes {

    private final CheckHealthQuery health;

    public HealthController(CheckHealthQuery health) {
        this.health = health;
    }

    @Override
    public void addEndpoints() {
        get("/health", this::health, Access.PUBLIC);
    }

    private void health(Context ctx) {
        boolean up = health.databaseUp();
        String state = up ? "UP" : "DOWN";
        ctx.status(up ? 200 : 503).json(new HealthResponse(state, state));
    }

    record HealthResponse(String status, String database) {
    }
}
