package io.ticketdesk.adapters.telegram.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/**
 * Telegram's answer to one call, sorted into what a caller must do about it.
 *
 * @param result the {@code result} of a successful call (null otherwise)
 * @param description Telegram's words for a failure, or ours for a network problem
 * @param retryAfterSeconds for {@link Kind#RETRY_AFTER}: how long this chat (or the bot) must wait
 * @param migrateToChatId for {@link Kind#CHAT_MIGRATED}: the supergroup the group became
 */
public record ApiAnswer(Kind kind, int httpStatus, JsonNode result, String description, int retryAfterSeconds,
                        Long migrateToChatId) {

    public enum Kind {
        /** Done. */
        OK,
        /** 429: wait {@code retryAfterSeconds} before anything else goes to that chat. */
        RETRY_AFTER,
        /** 403: the bot was blocked, kicked, or the user is deactivated. */
        FORBIDDEN,
        /** 400 with {@code migrate_to_chat_id}: the group became a supergroup. */
        CHAT_MIGRATED,
        /** 400 "message thread not found": the forum topic was deleted. */
        THREAD_NOT_FOUND,
        /** 400 "message is not modified" (or TOPIC_NOT_MODIFIED): an edit to what is already shown; as good as done. */
        NOT_MODIFIED,
        /** 409: another getUpdates poller, or a webhook is active. */
        CONFLICT,
        /** Any other 4xx: this request will never work; the reason is kept. */
        REJECTED,
        /** 5xx, a network error, a timeout or an answer that is not Telegram's JSON: try again later. */
        UNAVAILABLE
    }

    public boolean ok() {
        return kind == Kind.OK;
    }

    public <T> T result(Class<T> type) {
        if (!ok()) {
            throw new IllegalStateException("no result in a failed answer: " + this);
        }
        try {
            return BotApiJson.mapper().treeToValue(result, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Telegram's result does not read as " + type.getSimpleName(), e);
        }
    }

    /** The {@code message_id} of a sent message, when the result is one. */
    public Optional<Long> messageId() {
        return ok() && result != null && result.has("message_id")
                ? Optional.of(result.get("message_id").asLong()) : Optional.empty();
    }

    /**
     * The answer's class as a metrics label: ok, rate_limited, blocked, migrated, thread_not_found,
     * not_modified, conflict, other_4xx, server_error (a 5xx or an answer that is not Telegram's) or network.
     */
    public String outcome() {
        return switch (kind) {
            case OK -> "ok";
            case RETRY_AFTER -> "rate_limited";
            case FORBIDDEN -> "blocked";
            case CHAT_MIGRATED -> "migrated";
            case THREAD_NOT_FOUND -> "thread_not_found";
            case NOT_MODIFIED -> "not_modified";
            case CONFLICT -> "conflict";
            case REJECTED -> "other_4xx";
            // no HTTP status at all: the call never got an answer (refused, reset, timed out)
            case UNAVAILABLE -> httpStatus == 0 ? "network" : "server_error";
        };
    }

    public boolean conflictWithWebhook() {
        return kind == Kind.CONFLICT && description != null
                && description.toLowerCase(Locale.ROOT).contains("webhook is active");
    }

    static ApiAnswer unavailable(String why) {
        return new ApiAnswer(Kind.UNAVAILABLE, 0, null, why, 0, null);
    }

    /** Sorts one HTTP answer; {@code retryAfterHeader} is the Retry-After header, used when the body has none. */
    static ApiAnswer classify(int status, String body, Optional<String> retryAfterHeader) {
        JsonNode json;
        try {
            json = BotApiJson.mapper().readTree(body);
        } catch (JsonProcessingException | IllegalArgumentException notJson) {
            json = null;
        }
        if (json == null || !json.isObject() || !json.has("ok")) {
            if (status == 429) {
                return new ApiAnswer(Kind.RETRY_AFTER, status, null, "429 without Telegram's JSON",
                        headerSeconds(retryAfterHeader).orElse(1), null);
            }
            return new ApiAnswer(Kind.UNAVAILABLE, status, null, "HTTP " + status + " without Telegram's JSON", 0, null);
        }
        if (json.path("ok").asBoolean(false)) {
            return new ApiAnswer(Kind.OK, status, json.get("result"), null, 0, null);
        }
        int code = json.path("error_code").asInt(status);
        String description = json.path("description").asText("");
        String lower = description.toLowerCase(Locale.ROOT);
        JsonNode parameters = json.path("parameters");
        if (code == 429 || status == 429) {
            int seconds = parameters.has("retry_after") ? parameters.get("retry_after").asInt()
                    : headerSeconds(retryAfterHeader).orElse(1);
            return new ApiAnswer(Kind.RETRY_AFTER, status, null, description, Math.max(1, seconds), null);
        }
        if (parameters.has("migrate_to_chat_id")) {
            return new ApiAnswer(Kind.CHAT_MIGRATED, status, null, description, 0,
                    parameters.get("migrate_to_chat_id").asLong());
        }
        if (code == 403) {
            return new ApiAnswer(Kind.FORBIDDEN, status, null, description, 0, null);
        }
        if (code == 409) {
            return new ApiAnswer(Kind.CONFLICT, status, null, description, 0, null);
        }
        if (code == 400 && (lower.contains("message is not modified") || lower.contains("topic_not_modified"))) {
            return new ApiAnswer(Kind.NOT_MODIFIED, status, null, description, 0, null);
        }
        if (code == 400 && (lower.contains("message thread not found") || lower.contains("topic_deleted")
                || lower.contains("topic not found"))) {
            return new ApiAnswer(Kind.THREAD_NOT_FOUND, status, null, description, 0, null);
        }
        if (code >= 400 && code < 500) {
            return new ApiAnswer(Kind.REJECTED, status, null, description, 0, null);
        }
        return new ApiAnswer(Kind.UNAVAILABLE, status, null, description.isEmpty() ? "HTTP " + status : description,
                0, null);
    }

    private static Optional<Integer> headerSeconds(Optional<String> header) {
        try {
            return header.map(String::strip).map(Integer::parseInt).filter(seconds -> seconds >= 0);
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
