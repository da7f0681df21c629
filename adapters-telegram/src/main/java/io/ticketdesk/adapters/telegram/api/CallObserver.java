package io.ticketdesk.adapters.telegram.api;

/**
 * Hears the outcome of every Bot API call this client makes (sends, polls, downloads), for metrics;
 * bootstrap connects it, so this adapter knows no metrics library.
 */
@FunctionalInterface
public interface CallObserver {

    CallObserver NONE = (method, outcome) -> { };

    /** {@code method} as called (sendMessage, getUpdates, download); {@code outcome} from {@link ApiAnswer#outcome()}. */
    void answered(String method, String outcome);
}
