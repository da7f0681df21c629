package io.ticketdesk.adapters.http.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import io.ticketdesk.adapters.http.auth.JwtTokens;
import io.ticketdesk.adapters.http.errors.ApiException;
import io.ticketdesk.adapters.http.errors.ErrorCode;
import io.ticketdesk.adapters.http.i18n.Messages;
import io.ticketdesk.adapters.http.json.JsonMapping;
import io.ticketdesk.application.port.in.auth.IdentifyCallerUseCase;
import io.ticketdesk.application.port.in.realtime.SendTypingUseCase;
import io.ticketdesk.application.port.in.realtime.WatchTicketUseCase;
import io.ticketdesk.application.port.in.tickets.GetTicketQuery;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.users.User;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code ws://HOST/ws/tickets/{id}?token=JWT}: a ticket's live events. The upgrade is refused
 * before any socket opens (401 bad token, 403 blocked, 404 ticket not visible), in the same error
 * shape as the REST API.
 */
public final class TicketSocketController {

    public static final String PATH = "/ws/tickets/{id}";
    /** The server pings this often; a socket silent for {@link #IDLE_TIMEOUT} (no pong) is closed. */
    public static final Duration PING_EVERY = Duration.ofSeconds(30);
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(75);

    private static final String VIEWER = "ws.viewer";
    private static final String TICKET = "ws.ticket";
    private static final String SOCKET = "ws.socket";

    public record UseCases(IdentifyCallerUseCase identifyCaller, GetTicketQuery getTicket, WatchTicketUseCase watch,
                           SendTypingUseCase typing) {
    }

    private final UseCases useCases;
    private final JwtTokens tokens;
    private final ObjectMapper json = JsonMapping.objectMapper();
    private final SocketObserver observer;
    private final UpgradeGuard guard;

    /** A last check before a socket opens, once the viewer is known (the rate limit); throws to refuse. */
    public interface UpgradeGuard {
        UpgradeGuard NONE = (ctx, viewer) -> { };

        void check(Context ctx, User viewer);
    }

    public TicketSocketController(UseCases useCases, JwtTokens tokens, SocketObserver observer, UpgradeGuard guard) {
        this.useCases = useCases;
        this.tokens = tokens;
        this.observer = observer;
        this.guard = guard;
    }

    public void register(RoutesConfig routes) {
        routes.wsBeforeUpgrade(PATH, this::beforeUpgrade);
        routes.ws(PATH, ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(this::received);
            // SPEC §6 speaks JSON text frames: a binary one is answered, not silently dropped
            ws.onBinaryMessage(ctx -> socket(ctx).error("BAD_REQUEST", "ws.binary"));
            ws.onClose(ctx -> socket(ctx).stopWatching());
            ws.onError(ctx -> socket(ctx).stopWatching());
        });
    }

    private void beforeUpgrade(Context ctx) {
        String token = ctx.queryParam("token");
        if (token == null || token.isBlank()) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "auth.token.missing");
        }
        User viewer = useCases.identifyCaller().activeUser(tokens.userIdOf(token));
        UUID ticketId;
        try {
            ticketId = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("ticket.not_found");
        }
        useCases.getTicket().get(viewer, ticketId);
        guard.check(ctx, viewer);
        ctx.attribute(VIEWER, viewer);
        ctx.attribute(TICKET, ticketId);
    }

    private void connected(WsConnectContext ctx) {
        User viewer = ctx.attribute(VIEWER);
        UUID ticketId = ctx.attribute(TICKET);
        LiveSocket socket = new LiveSocket(ctx, json, Messages.forAcceptLanguage(ctx.header("Accept-Language")),
                observer);
        ctx.attribute(SOCKET, socket);
        try {
            socket.watching(useCases.watch().watch(viewer, ticketId, socket));
        } catch (DomainException lostAccessMeanwhile) {
            // deleted, or access lost, between the upgrade check and now
            socket.revoke(lostAccessMeanwhile.code());
            return;
        }
        ctx.enableAutomaticPings(PING_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void received(WsMessageContext ctx) {
        LiveSocket socket = socket(ctx);
        JsonNode frame;
        try {
            frame = json.readTree(ctx.message());
        } catch (Exception notJson) {
            socket.error("BAD_REQUEST", "ws.not_json");
            return;
        }
        String type = frame.path("type").asText("");
        switch (type) {
            case "ping" -> socket.pong();
            case "typing" -> typing(ctx, socket, frame.path("data"));
            default -> socket.error("BAD_REQUEST", "ws.unknown_type");
        }
    }

    private void typing(WsContext ctx, LiveSocket socket, JsonNode data) {
        JsonNode typing = data.get("is_typing");
        JsonNode internal = data.get("is_internal");
        if (typing == null || !typing.isBoolean() || (internal != null && !internal.isNull() && !internal.isBoolean())) {
            socket.error("VALIDATION_ERROR", "ws.typing_shape");
            return;
        }
        if (!socket.typingThrottle().tryAcquire(System.nanoTime())) {
            socket.error("RATE_LIMITED", "ws.typing_rate");
            return;
        }
        try {
            // the sender as they are now: a role lost since the upgrade no longer sends internal hints
            User sender = useCases.identifyCaller().activeUser(((User) ctx.attribute(VIEWER)).id());
            useCases.typing().typing(sender, ctx.attribute(TICKET), typing.booleanValue(),
                    internal != null && internal.booleanValue());
        } catch (DomainException refused) {
            socket.error("VALIDATION_ERROR", refused.code().equals("validation.failed")
                    ? "validation.internal_staff_only" : refused.code());
        }
    }

    private static LiveSocket socket(WsContext ctx) {
        return ctx.attribute(SOCKET);
    }
}
