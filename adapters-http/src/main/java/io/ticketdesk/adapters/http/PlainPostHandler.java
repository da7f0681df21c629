package io.ticketdesk.adapters.http;

import java.util.function.UnaryOperator;

/**
 * A POST served beside the API, outside its prefix and its token check, for a caller that proves
 * itself its own way (Telegram's webhook, by a secret header): headers and body in, status and a
 * JSON body out. Lets another adapter be served here without either knowing the other.
 */
@FunctionalInterface
public interface PlainPostHandler {

    /** What to answer: a status and a JSON body. */
    record Answer(int status, String json) {
    }

    /** {@code header} reads a request header by name (null when absent). */
    Answer handle(UnaryOperator<String> header, byte[] body);
}
