package io.ticketdesk.adapters.http.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.ticketdesk.application.port.in.health.CheckHealthQuery;

/** {@code GET /health}: 200 while the database answers, 503 otherwise; for load balancers, no token. */
public final class HealthController {

    private final CheckHealthQuery health;

    public HealthController(CheckHealthQuery health) {
        this.health = health;
    }

    public void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        boolean up = health.databaseUp();
        String state = up ? "UP" : "DOWN";
        ctx.status(up ? 200 : 503).json(new HealthResponse(state, state));
    }

    record HealthResponse(String status, String database) {
    }
}
