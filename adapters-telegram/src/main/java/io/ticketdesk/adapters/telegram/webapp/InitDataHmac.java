package io.ticketdesk.adapters.telegram.webapp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature Telegram puts on Mini App initData: HMAC-SHA256 of the sorted data-check-string,
 * keyed with HMAC-SHA256("WebAppData", bot token). Shared by the verifier and the signer.
 */
final class InitDataHmac {

    private final byte[] secretKey;

    InitDataHmac(String botToken) {
        this.secretKey = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex signature of every field but {@code hash}. */
    String sign(Map<String, String> fields) {
        String dataCheckString = new TreeMap<>(fields).entrySet().stream()
                .filter(field -> !field.getKey().equals("hash"))
                .map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("\n"));
        return HexFormat.of().formatHex(hmac(secretKey, dataCheckString.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
