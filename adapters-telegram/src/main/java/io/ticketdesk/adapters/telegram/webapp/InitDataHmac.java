package io.ticketdesk.adapters.telegram.webapp;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The signature Telegram puts on Mini App initData: HMAC-SHA256 of the sorted data-check-string,
 * keyed with HMAC-SHA256("WebAppData", bot token). Shared by the verifier and the signer.
 */
final class InitDataHmac {

    private final byte[] secretKey;

    InitDataHmac(String botToken) {
        this.secretKey = TelegramSignedData.hmac("WebAppData".getBytes(StandardCharsets.UTF_8),
                botToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex signature of every field but {@code hash}. */
    String sign(Map<String, String> fields) {
        return TelegramSignedData.sign(secretKey, fields);
    }

    /** The {@code hash} field, refused unless it signs the others. */
    String check(Map<String, String> fields) {
        return TelegramSignedData.checkSignature(fields, secretKey);
    }
}
