package io.ticketdesk.bootstrap;

import io.ticketdesk.application.port.in.auth.IdentifyCallerUseCase;
import io.ticketdesk.application.port.in.auth.IdentifyTelegramUserUseCase;
import io.ticketdesk.application.port.in.auth.LogInWithTelegramUseCase;
import io.ticketdesk.application.port.in.auth.UpdateProfileUseCase;
import io.ticketdesk.application.port.in.categories.CreateCategoryUseCase;
import io.ticketdesk.application.port.in.categories.DeleteCategoryUseCase;
import io.ticketdesk.application.port.in.categories.ListCategoriesQuery;
import io.ticketdesk.application.port.in.categories.UpdateCategoryUseCase;
import io.ticketdesk.application.port.in.events.DrainDeskEventsUseCase;
import io.ticketdesk.application.port.in.files.DownloadFileUseCase;
import io.ticketdesk.application.port.in.files.SweepUnattachedUploadsUseCase;
import io.ticketdesk.application.port.in.files.UploadFileUseCase;
import io.ticketdesk.application.port.in.health.CheckHealthQuery;
import io.ticketdesk.application.port.in.limits.ApplyRateLimitUseCase;
import io.ticketdesk.application.port.in.messages.ListMessagesQuery;
import io.ticketdesk.application.port.in.messages.PostMessageUseCase;
import io.ticketdesk.application.port.in.realtime.SendTypingUseCase;
import io.ticketdesk.application.port.in.realtime.WatchTicketUseCase;
import io.ticketdesk.application.port.in.statistics.DashboardQuery;
import io.ticketdesk.application.port.in.statistics.TicketStatisticsQuery;
import io.ticketdesk.application.port.in.tickets.CloseInactiveTicketsUseCase;
import io.ticketdesk.application.port.in.tickets.CreateTicketUseCase;
import io.ticketdesk.application.port.in.tickets.DeleteTicketUseCase;
import io.ticketdesk.application.port.in.tickets.GetTicketQuery;
import io.ticketdesk.application.port.in.tickets.ListTicketsQuery;
import io.ticketdesk.application.port.in.tickets.TicketHistoryQuery;
import io.ticketdesk.application.port.in.tickets.UpdateTicketUseCase;
import io.ticketdesk.application.port.in.users.ChangeRoleUseCase;
import io.ticketdesk.application.port.in.users.ChangeUserStatusUseCase;
import io.ticketdesk.application.port.in.users.ListUsersQuery;

/**
 * Every in-port of the desk, each backed by a service built once ({@link TicketDeskService}); each driving
 * adapter (HTTP, the Telegram bot, the periodic jobs) is handed the part it drives.
 */
public record DeskUseCases(
        LogInWithTelegramUseCase logIn,
        IdentifyCallerUseCase identifyCaller,
        IdentifyTelegramUserUseCase identifyTelegramUser,
        UpdateProfileUseCase updateProfile,
        CheckHealthQuery health,
        ListTicketsQuery listTickets,
        GetTicketQuery getTicket,
        TicketHistoryQuery ticketHistory,
        CreateTicketUseCase createTicket,
        UpdateTicketUseCase updateTicket,
        DeleteTicketUseCase deleteTicket,
        CloseInactiveTicketsUseCase closeInactiveTickets,
        ListMessagesQuery listMessages,
        PostMessageUseCase postMessage,
        ListCategoriesQuery listCategories,
        CreateCategoryUseCase createCategory,
        UpdateCategoryUseCase updateCategory,
        DeleteCategoryUseCase deleteCategory,
        UploadFileUseCase uploadFile,
        DownloadFileUseCase downloadFile,
        SweepUnattachedUploadsUseCase sweepUploads,
        ListUsersQuery listUsers,
        ChangeRoleUseCase changeRole,
        ChangeUserStatusUseCase changeUserStatus,
        DashboardQuery dashboard,
        TicketStatisticsQuery ticketStatistics,
        WatchTicketUseCase watchTicket,
        SendTypingUseCase sendTyping,
        DrainDeskEventsUseCase drainDeskEvents,
        ApplyRateLimitUseCase rateLimits) {
}
