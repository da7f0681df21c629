package io.ticketdesk.adapters.telegram.receiving;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.telegram.api.BotApiJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code TELEGRAM_MODE=webhook}: checks Telegram's secret header in constant time, stores the
 * update (a repeated {@code update_id} is dropped) and answers at once; handling happens later,
 * from the table. Plain in and out, so any HTTP server can serve it.
 */
public final class WebhookReceiver {

    public static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    /** What to answer Telegram. */
    public record Answer(int status, String body) {
    }

    private final StoredUpdates updates;
    private final byte[] secret;

    public WebhookReceiver(StoredUpdates updates, String secret) {
        if (secret == null || !secret.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new IllegalArgumentException("the webhook secret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
        }
        this.updates = updates;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public Answer receive(String secretHeader, byte[] body) {
        byte[] given = secretHeader == null ? new byte[0] : secretHeader.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, secret)) {
            return new Answer(401, error("UNAUTHORIZED", "missing or wrong " + SECRET_HEADER));
        }
        JsonNode update;
        try {
            update = BotApiJson.mapper().readTree(body);
        } catch (IOException notJson) {
            return new Answer(400, error("BAD_REQUEST", "the body is not JSON"));
        }
        if (update == null || !update.isObject() || !update.path("update_id").canConvertToLong()
                || !update.path("update_id").isIntegralNumber()) {
            return new Answer(400, error("BAD_REQUEST", "the body is not a Telegram update"));
        }
        updates.storeDelivered(update);
        return new Answer(200, "{}");
    }

    private static String error(String code, String message) {
        return BotApiJson.mapper().createObjectNode().set("error", BotApiJson.mapper().createObjectNode()
                .put("code", code).put("message", message).set("details", BotApiJson.mapper().createArrayNode()))
                .toString();
    }
}
