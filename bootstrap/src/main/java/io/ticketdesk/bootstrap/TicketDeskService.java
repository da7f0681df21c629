package io.ticketdesk.bootstrap;

import io.javalin.Javalin;
import io.ticketdesk.adapters.http.ApiRoutes;
import io.ticketdesk.adapters.http.HttpApi;
import io.ticketdesk.adapters.http.auth.JwtTokens;
import io.ticketdesk.adapters.http.categories.CategoriesController;
import io.ticketdesk.adapters.http.files.FilesController;
import io.ticketdesk.adapters.http.messages.MessagesController;
import io.ticketdesk.adapters.http.realtime.TicketSocketController;
import io.ticketdesk.adapters.http.statistics.StatisticsController;
import io.ticketdesk.adapters.http.tickets.TicketsController;
import io.ticketdesk.adapters.http.users.UsersController;
import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.adapters.persistence.PostgresDatabase;
import io.ticketdesk.adapters.persistence.PostgresDatabaseProbe;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.ticketdesk.adapters.persistence.ServiceSecrets;
import io.ticketdesk.adapters.persistence.categories.JdbiCategoryRepository;
import io.ticketdesk.adapters.persistence.files.DirectoryFileStore;
import io.ticketdesk.adapters.persistence.files.JdbiAttachedMessageAccess;
import io.ticketdesk.adapters.persistence.files.JdbiFileRepository;
import io.ticketdesk.adapters.persistence.files.PostgresFileStore;
import io.ticketdesk.adapters.persistence.files.TikaContentTypeDetector;
import io.ticketdesk.adapters.persistence.realtime.PostgresTicketSignalBus;
import io.ticketdesk.adapters.persistence.statistics.JdbiStatisticsReadModel;
import io.ticketdesk.adapters.persistence.tickets.JdbiMessageRepository;
import io.ticketdesk.adapters.persistence.tickets.JdbiTicketReadModel;
import io.ticketdesk.adapters.persistence.tickets.JdbiTicketRepository;
import io.ticketdesk.adapters.persistence.users.JdbiUserDirectory;
import io.ticketdesk.adapters.persistence.users.JdbiUserRepository;
import io.ticketdesk.adapters.telegram.webapp.TelegramInitDataVerifier;
import io.ticketdesk.application.port.out.auth.InitDataVerifier;
import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import io.ticketdesk.application.port.out.files.AttachedMessageAccess;
import io.ticketdesk.application.port.out.files.FileStore;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import io.ticketdesk.application.service.auth.IdentifyCallerService;
import io.ticketdesk.application.service.auth.LogInWithTelegramService;
import io.ticketdesk.application.service.auth.UpdateProfileService;
import io.ticketdesk.application.service.categories.CategoriesService;
import io.ticketdesk.application.service.files.DownloadFileService;
import io.ticketdesk.application.service.files.SweepUnattachedUploadsService;
import io.ticketdesk.application.service.files.UploadFileService;
import io.ticketdesk.application.service.health.HealthService;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole service wired with plain constructors: database, use cases, HTTP. */
public final class TicketDeskService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TicketDeskService.class);
    /** How often RESOLVED tickets are checked for auto-closing; far finer than any sane AUTO_CLOSE_AFTER. */
    private static final Duration AUTO_CLOSE_EVERY = Duration.ofMinutes(1);
    /** Uploads never attached are swept hourly (they expire after 24 h), the first time soon after start. */
    private static final Duration SWEEP_UPLOADS_FIRST = Duration.ofMinutes(1);
    private static final Duration SWEEP_UPLOADS_EVERY = Duration.ofHours(1);

    /** What was started, stopped in reverse order. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Javalin http;

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

    private void wire(Settings settings, Clock clock) {
        PostgresUrl url = settings.databaseUrl().orElseGet(() -> remember(EmbeddedPostgresServer.start(settings.dataDir())).url());
        LOG.info("using PostgreSQL at {}", url);
        PostgresDatabase database = remember(PostgresDatabase.open(url, poolSize()));
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

        HttpApi.UseCases useCases = new HttpApi.UseCases(
                new LogInWithTelegramService(verifier, users, transactions, clock, settings.adminTelegramIds()),
                new IdentifyCallerService(users),
                new UpdateProfileService(users, transactions, clock),
                new HealthService(new PostgresDatabaseProbe(database.dataSource())));
        remember(PeriodicJob.start("sweep-uploads", SWEEP_UPLOADS_FIRST, SWEEP_UPLOADS_EVERY,
                new SweepUnattachedUploadsService(files, fileStore, transactions, clock)::sweep));

        PostgresTicketSignalBus signals = new PostgresTicketSignalBus(transactions, url);
        signals.start(Duration.ofSeconds(30));
        remember(signals);

        JdbiTicketRepository tickets = new JdbiTicketRepository(transactions);
        AttachedMessageAccess attachedMessages = new JdbiAttachedMessageAccess(transactions, tickets);
        JdbiCategoryRepository categories = new JdbiCategoryRepository(transactions);
        JdbiTicketReadModel readModel = new JdbiTicketReadModel(transactions);
        TicketQueriesService ticketQueries = new TicketQueriesService(tickets, readModel);
        CategoriesService categoriesService = new CategoriesService(categories, transactions, clock);
        List<ApiRoutes> capabilities = List.of(
                new TicketsController(new TicketsController.UseCases(ticketQueries, ticketQueries,
                        new CreateTicketService(tickets, categories, readModel, transactions, clock),
                        new UpdateTicketService(tickets, users, readModel, transactions, signals, clock),
                        new DeleteTicketService(tickets, transactions, signals, files, fileStore), ticketQueries)),
                new MessagesController(new ListMessagesService(tickets, readModel),
                        new PostMessageService(tickets, new JdbiMessageRepository(transactions), files, readModel,
                                transactions, signals, clock)),
                new CategoriesController(new CategoriesController.UseCases(categoriesService, categoriesService,
                        categoriesService, categoriesService)),
                new FilesController(new UploadFileService(files, fileStore, new TikaContentTypeDetector(), transactions,
                        clock, settings.filesMaxBytes()), new DownloadFileService(files, fileStore, attachedMessages)),
                usersController(users, transactions, signals, clock),
                statisticsController(transactions, clock));

        remember(PeriodicJob.start("auto-close", AUTO_CLOSE_EVERY, AUTO_CLOSE_EVERY,
                new CloseInactiveTicketsService(tickets, transactions, signals, clock,
                        settings.autoCloseAfter())::closeInactive));

        LiveTicketsService live = new LiveTicketsService(signals, tickets, users, readModel);
        TicketSocketController sockets = new TicketSocketController(new TicketSocketController.UseCases(
                useCases.identifyCaller(), ticketQueries, live, live), tokens);

        http = new HttpApi(useCases, tokens, settings.corsOrigins(), capabilities, sockets).create();
        http.start(settings.port());
        started.push(http::stop);
        LOG.info("ticket desk listening on port {}", http.port());
    }

    private static UsersController usersController(JdbiUserRepository users, JdbiTransactions transactions,
                                                   TicketSignalBus signals, Clock clock) {
        UserAdministrationService administration = new UserAdministrationService(users, transactions, signals,
                clock);
        return new UsersController(new UsersController.UseCases(
                new ListUsersService(new JdbiUserDirectory(transactions)), administration, administration));
    }

    private static StatisticsController statisticsController(JdbiTransactions transactions, Clock clock) {
        StatisticsService statistics = new StatisticsService(new JdbiStatisticsReadModel(transactions), clock);
        return new StatisticsController(statistics, statistics);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    /** Connections for the machine: enough to keep every core busy while others wait on I/O. */
    private static int poolSize() {
        return Math.max(4, Runtime.getRuntime().availableProcessors() * 2 + 1);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public int port() {
        return http.port();
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
