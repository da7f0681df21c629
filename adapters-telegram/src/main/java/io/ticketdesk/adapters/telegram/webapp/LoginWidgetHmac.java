package io.ticketdesk.adapters.telegram.webapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The signature of the Telegram Login Widget: HMAC-SHA256 of the sorted data-check-string keyed
 * with SHA-256(bot token) (https://core.telegram.org/widgets/login#checking-authorization).
 */
final class LoginWidgetHmac {

    private final byte[] secretKey;

    LoginWidgetHmac(String botToken) {
        try {
            this.secretKey = MessageDigest.getInstance("SHA-256").digest(botToken.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
