package io.ticketdesk.adapters.http.health;

import static io.javalin.apibuilder.ApiBuilder.get;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import io.ticketdesk.adapters.http.Access;
import io.ticketdesk.adapters.http.ApiRoutes;
import io.ticketdesk.application.port.in.health.BotHealth;
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
        // the bot's state is shown, never counted: Telegram being away does not make the desk unhealthy
        BotState bot = up ? health.bot().map(BotState::from).orElse(null) : null;
        ctx.status(up ? 200 : 503).json(new HealthResponse(state, state, bot));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HealthResponse(String status, String database, BotState bot) {
    }

    /** {@code bot}: mode, whether this instance leads, the outbox's depth and the age of its oldest call. */
    record BotState(String mode, boolean leader, long outboxDepth, Long oldestPendingSeconds, String lastProblem) {

        static BotState from(BotHealth bot) {
            return new BotState(bot.mode(), bot.leader(), bot.outboxDepth(), bot.oldestPendingSeconds(),
                    bot.lastProblem());
        }
    }
}
