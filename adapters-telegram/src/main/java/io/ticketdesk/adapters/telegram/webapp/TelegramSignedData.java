package io.ticketdesk.adapters.telegram.webapp;

import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What Mini App initData and the Login Widget's data share: URL-encoded {@code key=value} pairs,
 * signed as a sorted data-check-string with HMAC-SHA256 (only the key differs), and dated by
 * {@code auth_date}. Refusals carry the same reasons for both.
 */
final class TelegramSignedData {

    /** Telegram's clock and ours may disagree a little; more than this is data from the future. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private TelegramSignedData() {
    }

    /** The pairs, decoded; a pair without a name, a bad escape or a repeated name is malformed. */
    static Map<String, String> parse(String data) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : data.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInitDataException("auth.init_data.malformed");
            }
            String key;
            String value;
            try {
                key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                throw new InvalidInitDataException("auth.init_data.malformed");
            }
            if (fields.put(key, value) != null) {
                // a repeated key would let the signed and the read value differ
                throw new InvalidInitDataException("auth.init_data.malformed");
            }
        }
        return fields;
    }

    /** The {@code hash} field, refused unless it is the lower-case hex HMAC of the others under {@code secretKey}. */
    static String checkSignature(Map<String, String> fields, byte[] secretKey) {
        String hash = fields.get("hash");
        if (hash == null || hash.isEmpty()) {
            throw new InvalidInitDataException("auth.init_data.missing_hash");
        }
        if (!constantTimeEquals(sign(secretKey, fields), hash.toLowerCase(Locale.ROOT))) {
            throw new InvalidInitDataException("auth.init_data.signature");
        }
        return hash;
    }

    /** Refuses an {@code auth_date} that is unreadable, from the future, or older than {@code maxAge}. */
    static void checkAge(String authDate, Instant now, Duration maxAge) {
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(authDate));
        } catch (NumberFormatException | NullPointerException | DateTimeException bad) {
            throw new InvalidInitDataException("auth.init_data.auth_date");
        }
        if (signedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInitDataException("auth.init_data.future");
        }
        if (signedAt.isBefore(now.minus(maxAge))) {
            throw new InvalidInitDataException("auth.init_data.expired");
        }
    }

    /** Lower-case hex HMAC-SHA256 of the sorted data-check-string of every field but {@code hash}. */
    static String sign(byte[] secretKey, Map<String, String> fields) {
        String dataCheckString = new TreeMap<>(fields).entrySet().stream()
                .filter(field -> !field.getKey().equals("hash"))
                .map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("\n"));
        return HexFormat.of().formatHex(hmac(secretKey, dataCheckString.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
