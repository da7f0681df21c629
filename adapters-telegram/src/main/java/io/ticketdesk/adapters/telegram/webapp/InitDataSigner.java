package io.ticketdesk.adapters.telegram.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes initData as Telegram would for a given person, signed with our bot token, so that
 * people can log in with curl (the {@code sign-init-data} command) and tests can log in for real.
 */
public final class InitDataSigner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InitDataHmac hmac;

    public InitDataSigner(String botToken) {
        this.hmac = new InitDataHmac(botToken);
    }

    public String sign(long telegramId, String firstName, String lastName, String username, String languageCode,
                       Instant authDate) {
        ObjectNode user = JSON.createObjectNode().put("id", telegramId).put("first_name", firstName);
        if (lastName != null) {
            user.put("last_name", lastName);
        }
        if (username != null) {
            user.put("username", username);
        }
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("query_id", "AAE" + Long.toString(authDate.getEpochSecond(), 36));
        fields.put("user", write(user));
        fields.put("auth_date", Long.toString(authDate.getEpochSecond()));
        return signFields(fields);
    }

    /** Signs arbitrary fields as given: tests use it to build well-signed but odd data. */
    public String signFields(Map<String, String> fields) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("hash", hmac.sign(fields));
        return signed.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
