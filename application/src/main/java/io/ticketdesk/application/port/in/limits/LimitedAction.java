package io.ticketdesk.application.port.in.limits;

/** What is rate-limited, whichever way in (REST, WebSocket or the bot) it comes. */
public enum LimitedAction {
    /** Per client IP (there is no user yet). */
    LOG_IN,
    CREATE_TICKET,
    POST_MESSAGE,
    UPLOAD_FILE,
    OPEN_SOCKET
}
