package io.ticketdesk.bootstrap;

import io.javalin.Javalin;
import io.ticketdesk.adapters.http.HttpApi;
import io.ticketdesk.adapters.http.auth.JwtTokens;
import io.ticketdesk.adapters.http.categories.CategoriesController;
import io.ticketdesk.adapters.http.limits.RequestLimits;
import io.ticketdesk.adapters.http.metrics.HttpMetrics;
import io.ticketdesk.adapters.http.tickets.TicketsController;
import io.ticketdesk.adapters.http.users.UsersController;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.PostgresDatabaseProbe;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.ticketdesk.adapters.persistence.ServiceSecrets;
import io.ticketdesk.adapters.persistence.categories.JdbiCategoryRepository;
import io.ticketdesk.adapters.persistence.events.JdbiDeskEventOutbox;
import io.ticketdesk.adapters.persistence.files.DirectoryFileStore;
import io.ticketdesk.adapters.persistence.files.JdbiAttachedMessageAccess;
import io.ticketdesk.adapters.persistence.files.JdbiFileRepository;
import io.ticketdesk.adapters.persistence.files.PostgresFileStore;
import io.ticketdesk.adapters.persistence.files.TikaContentTypeDetector;
import io.ticketdesk.adapters.persistence.limits.PostgresRateLimitStore;
import io.ticketdesk.adapters.persistence.realtime.PostgresTicketSignalBus;
import io.ticketdesk.adapters.persistence.statistics.JdbiStatisticsReadModel;
import io.ticketdesk.adapters.persistence.tickets.JdbiMessageRepository;
import io.ticketdesk.adapters.persistence.tickets.JdbiTicketReadModel;
import io.ticketdesk.adapters.persistence.tickets.JdbiTicketRepository;
import io.ticketdesk.adapters.persistence.users.JdbiUserDirectory;
import io.ticketdesk.adapters.persistence.users.JdbiUserRepository;
import io.ticketdesk.adapters.telegram.webapp.TelegramInitDataVerifier;
import io.ticketdesk.adapters.telegram.webapp.TelegramLoginWidgetVerifier;
import io.ticketdesk.adapters.http.auth.AuthController;
import io.ticketdesk.adapters.http.webapp.MiniAppPages;
import io.ticketdesk.application.port.in.auth.EnterDemoUseCase;
import io.ticketdesk.application.service.auth.EnterDemoService;
import io.ticketdesk.application.change.DeskChangeRecorder;
import io.ticketdesk.application.port.out.auth.InitDataVerifier;
import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import io.ticketdesk.application.port.out.files.AttachedMessageAccess;
import io.ticketdesk.application.port.out.files.FileStore;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import io.ticketdesk.application.port.in.tickets.CloseInactiveTicketsUseCase;
import io.ticketdesk.application.service.auth.CallerCache;
import io.ticketdesk.application.service.auth.IdentifyCallerService;
import io.ticketdesk.application.service.auth.LogInWithTelegramService;
import io.ticketdesk.application.service.auth.UpdateProfileService;
import io.ticketdesk.application.service.categories.CategoriesService;
import io.ticketdesk.application.service.events.DrainDeskEventsService;
import io.ticketdesk.application.service.files.DownloadFileService;
import io.ticketdesk.application.service.files.SweepUnattachedUploadsService;
import io.ticketdesk.application.service.files.UploadFileService;
import io.ticketdesk.application.service.health.HealthService;
import io.ticketdesk.application.service.limits.RateLimitService;
import io.ticketdesk.application.port.in.limits.ApplyRateLimitUseCase;
import io.ticketdesk.application.service.messages.ListMessagesService;
import io.ticketdesk.application.service.messages.PostMessageService;
import io.ticketdesk.application.service.realtime.LiveTicketsService;
import io.ticketdesk.application.service.statistics.StatisticsService;
import io.ticketdesk.application.service.tickets.CloseInactiveTicketsService;
import io.ticketdesk.application.service.tickets.CreateTicketService;
import io.ticketdesk.application.service.tickets.DeleteTicketService;
import io.ticketdesk.application.service.tickets.TicketQueriesService;
import io.ticketdesk.application.service.tickets.UpdateTicketService;
import io.ticketdesk.application.service.users.ListUsersService;
import io.ticketdesk.application.service.users.UserAdministrationService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole service wired with plain constructors: database, use cases, HTTP. */
public final class TicketDeskService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TicketDeskService.class);
    /** The longest gap between auto-close sweeps; each sweep also schedules the next for the next due ticket. */
    private static final Duration AUTO_CLOSE_EVERY = Duration.ofMinutes(1);
    /** Uploads never attached are swept hourly (they expire after 24 h), the first time soon after start. */
    private static final Duration SWEEP_UPLOADS_FIRST = Duration.ofMinutes(1);
    private static final Duration SWEEP_UPLOADS_EVERY = Duration.ofHours(1);
    /**
     * How long an instance may answer from a caller's kept user row. Zero for now: another instance
     * drops it only when the change's notification arrives, and under load a request can come
     * first (TwoInstancesTest caught it), so a block would not hold there on the very next request.
     */
    private static final Duration CALLER_KEPT_FOR = Duration.ZERO;
    private static final Duration FORGET_FULL_BUCKETS_EVERY = Duration.ofMinutes(10);

    private static final String LOOPBACK = "127.0.0.1";

    /** What was started, stopped in reverse order. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Javalin http;
    /** The instance's metrics; the bot registers its outbox gauges and Telegram call counts here. */
    private ServiceMetrics metrics;
    private DeskUseCases useCases;
    private PostgresTicketSignalBus signals;

    private TicketDeskService() {
    }

    public static TicketDeskService start(Settings settings, Clock clock) {
        TicketDeskService service = new TicketDeskService();
        try {
            service.wire(settings, clock);
            return service;
        } catch (RuntimeException failure) {
            service.close();
            throw failure;
        }
    }

    private void wire(Settings settings, Clock baseClock) {
        PinnableClock clock = new PinnableClock(baseClock);
        PostgresUrl url = settings.databaseUrl().orElseGet(() -> remember(EmbeddedPostgresServer.start(settings.dataDir())).url());
        LOG.info("using PostgreSQL at {}", url);
        boolean bot = settings.telegramMode() != Settings.TelegramMode.OFF;
        PostgresDatabase database = remember(PostgresDatabase.open(url,
                settings.databasePoolSize() + (bot ? TelegramWiring.EXTRA_CONNECTIONS : 0)));
        metrics = remember(new ServiceMetrics(settings.metrics()));
        if (settings.metrics()) {
            database.publishPoolMetrics(metrics.registry());
        }
        JdbiTransactions transactions = new JdbiTransactions(database.jdbi());
        JdbiUserRepository users = new JdbiUserRepository(transactions);

        String jwtSecret = settings.jwtSecret()
                .orElseGet(() -> new ServiceSecrets(transactions).getOrCreate("jwt_secret", TicketDeskService::randomSecret));
        JwtTokens tokens = new JwtTokens(jwtSecret, JwtTokens.DEFAULT_LIFETIME, clock);

        InitDataVerifier verifier = settings.botToken()
                .<InitDataVerifier>map(token -> new TelegramInitDataVerifier(token, settings.initDataMaxAge(), clock))
                .orElse((initData, hash) -> {
                    throw new InvalidInitDataException("auth.login_disabled");
                });

        JdbiFileRepository files = new JdbiFileRepository(transactions);
        FileStore fileStore = settings.filesDir()
                .<FileStore>map(DirectoryFileStore::new)
                .orElseGet(() -> new PostgresFileStore(database.jdbi()));

        signals = new PostgresTicketSignalBus(transactions, url);
        signals.start(Duration.ofSeconds(30));
        remember(signals);

        // one limiter for every way in: REST and sockets, and the bot through DeskUseCases.rateLimits()
        RateLimitService limiter = new RateLimitService(settings.rateLimits(), new PostgresRateLimitStore(transactions),
                clock);
        remember(PeriodicJob.start("forget-full-rate-buckets", FORGET_FULL_BUCKETS_EVERY, FORGET_FULL_BUCKETS_EVERY,
                limiter::forgetFullBuckets));
        TelegramWiring.Probe botProbe = new TelegramWiring.Probe();
        useCases = useCases(settings, clock, database, transactions, users, verifier, files, fileStore, signals,
                limiter, botProbe);
        remember(PeriodicJob.start("sweep-uploads", SWEEP_UPLOADS_FIRST, SWEEP_UPLOADS_EVERY,
                useCases.sweepUploads()::sweep));
        remember(autoClose(useCases.closeInactiveTickets(), settings.autoCloseAfter(), clock));

        Optional<EnterDemoUseCase> demo = Optional.empty();
        if (settings.demo()) {
            EnterDemoService people = new EnterDemoService(users, transactions, clock);
            demo = Optional.of(people);
            if (DemoDesk.seedIfEmpty(new DemoDesk.UseCases(people, new JdbiUserDirectory(transactions),
                    useCases.listCategories(), useCases.createCategory(), useCases.createTicket(),
                    useCases.updateTicket(), useCases.postMessage(), useCases.uploadFile()), clock)) {
                LOG.info("the database was empty: filled it with the demo desk");
            }
        }
        InitDataVerifier widgetVerifier = settings.botToken()
                .<InitDataVerifier>map(token -> new TelegramLoginWidgetVerifier(token, settings.initDataMaxAge(), clock))
                .orElse((data, hash) -> {
                    throw new InvalidInitDataException("auth.login_disabled");
                });
        LogInWithTelegramService widgetLogin = new LogInWithTelegramService(widgetVerifier, users, transactions, clock,
                settings.adminTelegramIds());

        MiniAppPages pages = new MiniAppPages(new MiniAppPages.PageSettings(settings.demo(), settings.botUsername()));
        HttpMetrics httpMetrics = new HttpMetrics(metrics.registry(), metrics::scrape, settings.metricsToken());
        HttpApi api = new HttpApi(http(useCases), tokens, settings.corsOrigins())
                .limitedBy(new RequestLimits(metrics.countingRefusals(useCases.rateLimits(), "http")))
                .timeouts(settings.httpLimits())
                .withMiniApp(pages, new AuthController.OtherLogins(widgetLogin, demo));
        if (settings.metrics()) {
            api.measuredBy(httpMetrics);
        }
        TelegramWiring.start(settings, useCases, transactions, url, api, botProbe, metrics).ifPresent(this::remember);
        http = api.create();
        if (settings.demo()) {
            // the demo hands out every role to whoever asks: only this machine may ask
            http.start(LOOPBACK, settings.port());
            metrics.jettyThreads(http.jettyServer().threadPool());
            started.push(http::stop);
            LOG.info("no BOT_TOKEN: local demo mode, open http://{}:{}/ and enter as customer, helper, moderator "
                    + "or admin (listening on the loopback address only)", LOOPBACK, http.port());
        } else {
            http.start(settings.port());
            metrics.jettyThreads(http.jettyServer().threadPool());
            started.push(http::stop);
            LOG.info("ticket desk listening on port {}", http.port());
        }
    }

    /**
     * Sweeps at the moment the oldest RESOLVED ticket falls due, not on the next fixed tick; at least
     * every minute (or every quiet period, if shorter), since a ticket resolved meanwhile is due no
     * sooner than one quiet period from now. The first sweep at start catches what fell due while stopped.
     */
    private static PeriodicJob autoClose(CloseInactiveTicketsUseCase service, Duration quietPeriod, Clock clock) {
        Duration atMostEvery = quietPeriod.compareTo(AUTO_CLOSE_EVERY) < 0 ? quietPeriod : AUTO_CLOSE_EVERY;
        return PeriodicJob.startAdaptive("auto-close", Duration.ZERO, atMostEvery, () -> {
            service.closeInactive();
            // a millisecond past due: the rule closes a ticket once its quiet period has fully passed
            // (still due after a sweep means it could not be closed: retry in a second, not in a tight loop)
            return service.nextDue().map(due -> Duration.between(clock.instant(), due).plusMillis(1))
                    .map(delay -> delay.isNegative() || delay.isZero() ? Duration.ofSeconds(1) : delay)
                    .orElse(atMostEvery);
        });
    }

    /** Every service, built once, behind its in-ports. */
    private static DeskUseCases useCases(Settings settings, Clock clock, PostgresDatabase database,
                                         JdbiTransactions transactions, JdbiUserRepository users,
                                         InitDataVerifier verifier, JdbiFileRepository files, FileStore fileStore,
                                         TicketSignalBus signals, ApplyRateLimitUseCase rateLimits,
                                         TelegramWiring.Probe botProbe) {
        JdbiTicketRepository tickets = new JdbiTicketRepository(transactions);
        JdbiCategoryRepository categories = new JdbiCategoryRepository(transactions);
        JdbiTicketReadModel readModel = new JdbiTicketReadModel(transactions);
        AttachedMessageAccess attachedMessages = new JdbiAttachedMessageAccess(transactions, tickets);
        CallerCache callers = new CallerCache(new IdentifyCallerService(users), signals, CALLER_KEPT_FOR);
        // the use cases that write user rows: each write drops the row here until its signal is back
        UserRepository userWrites = new CallerCacheWrites(users, callers);
        DeskChangeRecorder changes = new DeskChangeRecorder(tickets, new JdbiMessageRepository(transactions),
                userWrites, signals, new JdbiDeskEventOutbox(transactions), transactions);

        LogInWithTelegramService logIn = new LogInWithTelegramService(verifier, userWrites, transactions, clock,
                settings.adminTelegramIds());
        TicketQueriesService ticketQueries = new TicketQueriesService(tickets, readModel);
        CategoriesService categoriesService = new CategoriesService(categories, transactions, clock);
        UserAdministrationService administration = new UserAdministrationService(userWrites, transactions, changes,
                clock);
        StatisticsService statistics = new StatisticsService(new JdbiStatisticsReadModel(transactions), clock);
        LiveTicketsService live = new LiveTicketsService(signals, tickets, users, readModel);
        return new DeskUseCases(
                logIn,
                callers,
                logIn,
                new UpdateProfileService(userWrites, transactions, clock),
                new HealthService(new PostgresDatabaseProbe(database.dataSource()), botProbe),
                ticketQueries,
                ticketQueries,
                ticketQueries,
                new CreateTicketService(tickets, categories, readModel, transactions, changes, clock),
                new UpdateTicketService(tickets, users, readModel, transactions, changes, clock),
                new DeleteTicketService(tickets, transactions, changes, files, fileStore),
                new CloseInactiveTicketsService(tickets, transactions, changes, clock, settings.autoCloseAfter()),
                new ListMessagesService(tickets, readModel),
                new PostMessageService(tickets, files, readModel, transactions, changes, clock),
                categoriesService,
                categoriesService,
                categoriesService,
                categoriesService,
                new UploadFileService(files, fileStore, new TikaContentTypeDetector(), transactions, clock,
                        settings.filesMaxBytes()),
                new DownloadFileService(files, fileStore, attachedMessages),
                new SweepUnattachedUploadsService(files, fileStore, transactions, clock),
                new ListUsersService(new JdbiUserDirectory(transactions)),
                administration,
                administration,
                statistics,
                statistics,
                live,
                live,
                new DrainDeskEventsService(new JdbiDeskEventOutbox(transactions), transactions, signals),
                rateLimits);
    }

    /** The part of the desk the REST API and its WebSocket drive. */
    private static HttpApi.UseCases http(DeskUseCases desk) {
        return new HttpApi.UseCases(desk.logIn(), desk.identifyCaller(), desk.updateProfile(), desk.health(),
                new TicketsController.UseCases(desk.listTickets(), desk.getTicket(), desk.createTicket(),
                        desk.updateTicket(), desk.deleteTicket(), desk.ticketHistory()),
                desk.listMessages(), desk.postMessage(),
                new CategoriesController.UseCases(desk.listCategories(), desk.createCategory(), desk.updateCategory(),
                        desk.deleteCategory()),
                desk.uploadFile(), desk.downloadFile(),
                new UsersController.UseCases(desk.listUsers(), desk.changeRole(), desk.changeUserStatus()),
                desk.dashboard(), desk.ticketStatistics(), desk.watchTicket(), desk.sendTyping());
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns once this instance has received every signal committed before the call (for tests changing rows directly). */
    void awaitEarlierSignals() {
        signals.awaitEarlierSignals(Duration.ofSeconds(10));
    }

    public int port() {
        return http.port();
    }

    /** The desk's in-ports, for driving adapters started next to HTTP and for tests that drive the core directly. */
    public DeskUseCases useCases() {
        return useCases;
    }

    /** The HTTP server, for tests that list its routes. */
    Javalin http() {
        return http;
    }

    /** Stops HTTP first (letting in-flight requests finish), then the pool, then the database. */
    @Override
    public synchronized void close() {
        if (started.isEmpty()) {
            return;
        }
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("failed to stop a part of the service cleanly", e);
            }
        }
        LOG.info("ticket desk stopped");
    }
}
