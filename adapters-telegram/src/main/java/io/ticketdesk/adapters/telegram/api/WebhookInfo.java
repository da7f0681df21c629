package io.ticketdesk.adapters.telegram.api;

import java.util.List;

/** The webhook Telegram has on record; an empty url means none. */
public record WebhookInfo(String url, boolean hasCustomCertificate, int pendingUpdateCount, String lastErrorMessage,
                          Long lastErrorDate, Integer maxConnections, List<String> allowedUpdates) {
}
