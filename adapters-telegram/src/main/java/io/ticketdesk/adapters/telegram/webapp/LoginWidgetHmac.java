package io.ticketdesk.adapters.telegram.webapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        String dataCheckString = new TreeMap<>(fields).entrySet().stream()
                .filter(field -> !field.getKey().equals("hash"))
                .map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("\n"));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(dataCheckString.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
