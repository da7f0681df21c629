package io.ticketdesk.adapters.telegram.webapp;

import java.util.LinkedHashMap;
import java.util.Map;

/** Signs Login Widget fields as Telegram would, for tests that log in through the widget endpoint. */
public final class LoginWidgetSigner {

    private final LoginWidgetHmac hmac;

    public LoginWidgetSigner(String botToken) {
        this.hmac = new LoginWidgetHmac(botToken);
    }

    /** {@code fields} plus their {@code hash}. */
    public Map<String, String> sign(Map<String, String> fields) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("hash", hmac.sign(fields));
        return signed;
    }
}
