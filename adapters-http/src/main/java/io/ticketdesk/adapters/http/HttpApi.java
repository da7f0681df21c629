package io.ticketdesk.adapters.http;

import static io.javalin.apibuilder.ApiBuilder.path;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.ticketdesk.adapters.http.auth.AuthController;
import io.ticketdesk.adapters.http.auth.CallerAuthentication;
import io.ticketdesk.adapters.http.auth.JwtTokens;
import io.ticketdesk.adapters.http.docs.ApiDocsController;
import io.ticketdesk.adapters.http.errors.ErrorMapping;
import io.ticketdesk.adapters.http.errors.JsonErrorHandler;
import io.ticketdesk.adapters.http.errors.SecurityHeaders;
import io.ticketdesk.adapters.http.health.HealthController;
import io.ticketdesk.adapters.http.json.JsonMapping;
import io.ticketdesk.adapters.http.limits.RequestLimits;
import io.ticketdesk.adapters.http.metrics.HttpMetrics;
import io.ticketdesk.adapters.http.categories.CategoriesController;
import io.ticketdesk.adapters.http.files.FilesController;
import io.ticketdesk.adapters.http.messages.MessagesController;
import io.ticketdesk.adapters.http.realtime.SocketObserver;
import io.ticketdesk.adapters.http.json.RequestTextCheck;
import io.ticketdesk.adapters.http.limits.HeaderDeadline;
import io.ticketdesk.adapters.http.limits.HttpLimits;
import io.ticketdesk.adapters.http.realtime.TicketSocketController;
import io.ticketdesk.adapters.http.statistics.StatisticsController;
import io.ticketdesk.adapters.http.tickets.TicketsController;
import io.ticketdesk.adapters.http.users.UsersController;
import io.ticketdesk.adapters.http.tracing.RequestTracing;
import io.ticketdesk.adapters.http.webapp.MiniAppPages;
import io.ticketdesk.application.port.in.auth.AuthenticationFailedException;
import io.ticketdesk.application.port.in.auth.IdentifyCallerUseCase;
import io.ticketdesk.application.port.in.auth.LogInWithTelegramUseCase;
import io.ticketdesk.application.port.in.auth.UpdateProfileUseCase;
import io.ticketdesk.application.port.in.files.DownloadFileUseCase;
import io.ticketdesk.application.port.in.files.UploadFileUseCase;
import io.ticketdesk.application.port.in.health.CheckHealthQuery;
import io.ticketdesk.application.port.in.messages.ListMessagesQuery;
import io.ticketdesk.application.port.in.messages.PostMessageUseCase;
import io.ticketdesk.application.port.in.realtime.SendTypingUseCase;
import io.ticketdesk.application.port.in.realtime.WatchTicketUseCase;
import io.ticketdesk.application.port.in.statistics.DashboardQuery;
import io.ticketdesk.application.port.in.statistics.TicketStatisticsQuery;
import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.component.LifeCycle;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The REST API on Javalin: every route, filter and error mapping is registered here. */
public final class HttpApi {

    public static final String PREFIX = "/api/v1";
    /** In-flight requests get this long to finish when the service stops. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final UseCases useCases;
    private final JwtTokens tokens;
    private final List<String> corsOrigins;
    private final List<ApiRoutes> capabilities;
    private HttpMetrics metrics;
    private RequestLimits limits;
    private HttpLimits timeouts = HttpLimits.DEFAULT;
    private final java.util.Map<String, PlainPostHandler> plainPosts = new java.util.LinkedHashMap<>();

    private AuthController.OtherLogins otherLogins;
    private MiniAppPages miniApp;

    /** The in-ports the API drives, handed over by bootstrap; the controllers are this adapter's own business. */
    public record UseCases(LogInWithTelegramUseCase logIn, IdentifyCallerUseCase identifyCaller,
                           UpdateProfileUseCase updateProfile, CheckHealthQuery health,
                           TicketsController.UseCases tickets, ListMessagesQuery listMessages,
                           PostMessageUseCase postMessage, CategoriesController.UseCases categories,
                           UploadFileUseCase uploadFile, DownloadFileUseCase downloadFile,
                           UsersController.UseCases users, DashboardQuery dashboard,
                           TicketStatisticsQuery ticketStatistics, WatchTicketUseCase watchTicket,
                           SendTypingUseCase sendTyping) {

        /** Sign-in and health only, the rest unset: for tests of the API's own behaviour. */
        public static UseCases signInOnly(LogInWithTelegramUseCase logIn, IdentifyCallerUseCase identifyCaller,
                                          UpdateProfileUseCase updateProfile, CheckHealthQuery health) {
            return new UseCases(logIn, identifyCaller, updateProfile, health, null, null, null, null, null, null,
                    null, null, null, null, null);
        }
    }

    public HttpApi(UseCases useCases, JwtTokens tokens, List<String> corsOrigins) {
        this.useCases = useCases;
        this.tokens = tokens;
        this.corsOrigins = List.copyOf(corsOrigins);
        this.capabilities = List.of(
                new TicketsController(useCases.tickets()),
                new MessagesController(useCases.listMessages(), useCases.postMessage()),
                new CategoriesController(useCases.categories()),
                new FilesController(useCases.uploadFile(), useCases.downloadFile()),
                new UsersController(useCases.users()),
                new StatisticsController(useCases.dashboard(), useCases.ticketStatistics()));
    }

    /** Measures every request and socket and serves {@code GET /metrics}. */
    public HttpApi measuredBy(HttpMetrics metrics) {
        this.metrics = metrics;
        return this;
    }

    /** Applies the shared rate limits to logins, new tickets, messages, uploads and socket upgrades. */
    public HttpApi limitedBy(RequestLimits limits) {
        this.limits = limits;
        return this;
    }

    /** Timeouts for slow clients; {@link HttpLimits#DEFAULT} unless set. */
    public HttpApi timeouts(HttpLimits chosen) {
        this.timeouts = chosen;
        return this;
    }

    /** Serves {@code handler} at {@code path} (outside {@link #PREFIX}: no token is asked for). */
    public HttpApi plainPost(String path, PlainPostHandler handler) {
        if (path.startsWith(PREFIX + "/") || path.equals("/health")) {
            throw new IllegalArgumentException(path + " belongs to the API");
        }
        plainPosts.put(path, handler);
        return this;
    }

    /** Serves the Mini App at {@code /} and the logins it offers besides initData. */
    public HttpApi withMiniApp(MiniAppPages pages, AuthController.OtherLogins logins) {
        this.miniApp = pages;
        this.otherLogins = logins;
        return this;
    }

    public Javalin create() {
        CallerAuthentication authentication = new CallerAuthentication(tokens, useCases.identifyCaller());
        AuthController.OtherLogins logins = otherLogins != null ? otherLogins
                : new AuthController.OtherLogins(refusingLogin(), java.util.Optional.empty());
        AuthController auth = new AuthController(useCases.logIn(), logins, useCases.updateProfile(), tokens);
        HealthController health = new HealthController(useCases.health());
        ApiDocsController docs = ApiDocsController.load();
        TicketSocketController sockets = new TicketSocketController(new TicketSocketController.UseCases(
                useCases.identifyCaller(), useCases.tickets() == null ? null : useCases.tickets().get(),
                useCases.watchTicket(), useCases.sendTyping()), tokens,
                metrics != null ? metrics : SocketObserver.NONE,
                limits != null ? limits::beforeSocket : TicketSocketController.UpgradeGuard.NONE);

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(JsonMapping.objectMapper(), false));
            config.jetty.modifyWebSocketServletFactory(factory ->
                    factory.setIdleTimeout(TicketSocketController.IDLE_TIMEOUT));
            // Javalin opens a servlet session on every WebSocket upgrade (it copies the session's
            // attributes); the API keeps no sessions, so none is announced by a cookie or kept long
            config.jetty.modifyServletContextHandler(handler -> {
                handler.getSessionHandler().setUsingCookies(false);
                handler.getSessionHandler().setMaxInactiveInterval(60);
            });
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_GRACE.toMillis());
                server.setStopAtShutdown(false);
                server.setErrorHandler(new JsonErrorHandler());
                server.addEventListener(new LifeCycle.Listener() {
                    @Override
                    public void lifeCycleStarting(LifeCycle event) {
                        for (Connector connector : server.getConnectors()) {
                            if (connector instanceof AbstractConnector tuned) {
                                tuned.setIdleTimeout(timeouts.idleTimeout().toMillis());
                                tuned.addBean(new HeaderDeadline(tuned.getScheduler(), timeouts.headerDeadline()));
                            }
                        }
                    }
                });
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setIdleTimeout(timeouts.idleTimeout().toMillis());
            });
            if (!corsOrigins.isEmpty()) {
                config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    corsOrigins.forEach(origin -> rule.allowHost(origin));
                    rule.exposeHeader(RequestTracing.HEADER);
                }));
            }
            config.requestLogger.http(RequestTracing::end);
            if (metrics != null) {
                config.requestLogger.http(metrics::requestEnded);
                metrics.register(config.routes);
            }
            // Swagger UI's scripts and styles for /docs, from its jar (what enableWebjars() serves), public
            config.staticFiles.add(files -> {
                files.hostedPath = "/webjars";
                files.directory = "META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "max-age=31622400");
                files.roles = Set.of(Access.PUBLIC);
            });

            config.routes.before(RequestTracing::begin);
            config.routes.before(SecurityHeaders::apply);
            config.routes.before(RequestTextCheck::check);
            // an upgrade skips the HTTP filters: its refusals get a request id too
            config.routes.wsBeforeUpgrade(RequestTracing::begin);
            // secure by default: every matched endpoint needs a caller unless it is marked public
            config.routes.beforeMatched(ctx -> {
                if (!ctx.routeRoles().contains(Access.PUBLIC)) {
                    authentication.authenticate(ctx);
                }
            });
            if (limits != null) {
                limits.register(config.routes, PREFIX);
            }
            ErrorMapping.register(config.routes);
            config.routes.apiBuilder(() -> {
                health.addEndpoints();
                path(PREFIX, () -> {
                    auth.addEndpoints();
                    capabilities.forEach(ApiRoutes::addEndpoints);
                });
            });
            docs.register(config.routes);
            if (miniApp != null) {
                miniApp.register(config.routes);
            }
            sockets.register(config.routes);
            plainPosts.forEach((path, handler) -> config.routes.post(path, ctx -> {
                PlainPostHandler.Answer answer = handler.handle(ctx::header, ctx.bodyAsBytes());
                ctx.status(answer.status()).contentType("application/json").result(answer.json());
            }, Access.PUBLIC));
        });
    }

    private static LogInWithTelegramUseCase refusingLogin() {
        return command -> {
            throw new AuthenticationFailedException("auth.login_disabled");
        };
    }
}
