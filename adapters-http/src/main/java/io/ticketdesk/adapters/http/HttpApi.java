package io.ticketdesk.adapters.http;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.ticketdesk.adapters.http.auth.AuthController;
import io.ticketdesk.adapters.http.auth.CallerAuthentication;
import io.ticketdesk.adapters.http.auth.JwtTokens;
import io.ticketdesk.adapters.http.errors.ErrorMapping;
import io.ticketdesk.adapters.http.health.HealthController;
import io.ticketdesk.adapters.http.json.JsonMapping;
import io.ticketdesk.adapters.http.realtime.TicketSocketController;
import io.ticketdesk.adapters.http.tracing.RequestTracing;
import io.ticketdesk.application.port.in.auth.IdentifyCallerUseCase;
import io.ticketdesk.application.port.in.auth.LogInWithTelegramUseCase;
import io.ticketdesk.application.port.in.auth.UpdateProfileUseCase;
import io.ticketdesk.application.port.in.health.CheckHealthQuery;
import java.time.Duration;
import java.util.List;

/** The REST API on Javalin: every route, filter and error mapping is registered here. */
public final class HttpApi {

    public static final String PREFIX = "/api/v1";
    /** In-flight requests get this long to finish when the service stops. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final UseCases useCases;
    private final JwtTokens tokens;
    private final List<String> corsOrigins;
    private final List<ApiRoutes> capabilities;
    private final TicketSocketController sockets;

    /** What the API drives, grouped so the constructor stays readable as capabilities arrive. */
    public record UseCases(LogInWithTelegramUseCase logIn, IdentifyCallerUseCase identifyCaller,
                           UpdateProfileUseCase updateProfile, CheckHealthQuery health) {
    }

    /**
     * {@code capabilities}: the controllers of tickets, messages, categories and so on, made by bootstrap;
     * {@code sockets} may be null where no WebSocket endpoint is served (adapter tests).
     */
    public HttpApi(UseCases useCases, JwtTokens tokens, List<String> corsOrigins, List<ApiRoutes> capabilities,
                   TicketSocketController sockets) {
        this.useCases = useCases;
        this.tokens = tokens;
        this.corsOrigins = List.copyOf(corsOrigins);
        this.capabilities = List.copyOf(capabilities);
        this.sockets = sockets;
    }

    public Javalin create() {
        CallerAuthentication authentication = new CallerAuthentication(tokens, useCases.identifyCaller());
        AuthController auth = new AuthController(useCases.logIn(), useCases.updateProfile(), tokens);
        HealthController health = new HealthController(useCases.health());

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(JsonMapping.objectMapper(), false));
            config.jetty.modifyWebSocketServletFactory(factory ->
                    factory.setIdleTimeout(TicketSocketController.IDLE_TIMEOUT));
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_GRACE.toMillis());
                server.setStopAtShutdown(false);
            });
            if (!corsOrigins.isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    corsOrigins.forEach(origin -> rule.allowHost(origin));
                    rule.exposeHeader(RequestTracing.HEADER);
                }));
            }
            config.requestLogger.http(RequestTracing::end);

            config.routes.before(RequestTracing::begin);
            config.routes.beforeMatched(PREFIX + "/*", ctx -> {
                if (!ctx.path().equals(PREFIX + "/auth/telegram")) {
                    authentication.authenticate(ctx);
                }
            });
            ErrorMapping.register(config.routes);
            health.register(config.routes);
            auth.register(config.routes, PREFIX);
            capabilities.forEach(capability -> capability.register(config.routes, PREFIX));
            if (sockets != null) {
                sockets.register(config.routes);
            }
        });
    }
}
