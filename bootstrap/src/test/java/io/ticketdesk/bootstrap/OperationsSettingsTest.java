package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.limits.LimitedAction;
import io.ticketdesk.application.port.in.limits.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The settings of issue 11: LOG_FORMAT, METRICS_TOKEN and the rate limits, each refused clearly when wrong. */
class OperationsSettingsTest {

    @Test
    void defaultsAreTextLogsOpenMetricsAndLimitsOn() {
        Settings settings = Settings.fromEnvironment(Map.of());
        assertEquals(Settings.LogFormat.TEXT, settings.logFormat());
        assertTrue(settings.metrics());
        assertEquals(Optional.empty(), settings.metricsToken());
        assertTrue(settings.rateLimits().enabled());
        assertEquals(new RateLimit(30, Duration.ofMinutes(10)),
                settings.rateLimits().limitFor(LimitedAction.CREATE_TICKET, false));
        assertEquals(new RateLimit(120, Duration.ofMinutes(10)),
                settings.rateLimits().limitFor(LimitedAction.CREATE_TICKET, true));
    }

    @Test
    void eachSettingIsRead() {
        Settings settings = Settings.fromEnvironment(Map.of("LOG_FORMAT", "JSON", "METRICS_TOKEN", "0123456789abcdef",
                "RATE_LIMITS", "off", "RATE_LIMIT_UPLOADS", "5/PT30S", "RATE_LIMIT_STAFF_FACTOR", "2", "METRICS", "OFF"));
        assertEquals(Settings.LogFormat.JSON, settings.logFormat());
        assertFalse(settings.metrics());
        assertEquals(Optional.of("0123456789abcdef"), settings.metricsToken());
        assertFalse(settings.rateLimits().enabled());
        assertEquals(new RateLimit(10, Duration.ofSeconds(30)),
                settings.rateLimits().limitFor(LimitedAction.UPLOAD_FILE, true));
        assertFalse(settings.toString().contains("0123456789abcdef"), "the metrics token stays out of logs");
    }

    @Test
    void aBadValueStopsStartUpWithOneLineNamingTheVariable() {
        assertRefused("LOG_FORMAT", "xml", "LOG_FORMAT: must be text or json, got \"xml\"");
        assertRefused("METRICS_TOKEN", "short", "METRICS_TOKEN: must be at least 16 characters long");
        assertRefused("METRICS", "no", "METRICS: must be on or off, got \"no\"");
        assertRefused("RATE_LIMITS", "maybe", "RATE_LIMITS: must be on or off, got \"maybe\"");
        assertRefused("RATE_LIMIT_TICKETS", "30", "RATE_LIMIT_TICKETS: must be COUNT/DURATION such as 60/PT1M, got \"30\"");
        assertRefused("RATE_LIMIT_LOGIN", "0/PT1M", "RATE_LIMIT_LOGIN: must be COUNT/DURATION such as 60/PT1M, got \"0/PT1M\"");
        assertRefused("RATE_LIMIT_STAFF_FACTOR", "0", "RATE_LIMIT_STAFF_FACTOR: must be a whole number from 1 to 1000, got \"0\"");
    }

    private static void assertRefused(String variable, String value, String message) {
        Settings.InvalidSettingException refused = assertThrows(Settings.InvalidSettingException.class,
                () -> Settings.fromEnvironment(Map.of(variable, value)));
        assertEquals(message, refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"));
    }
}
