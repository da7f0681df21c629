package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.dialogue.Language;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final String TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void aBareStartHasSaneDefaults() {
        Settings settings = Settings.fromEnvironment(Map.of());

        assertEquals(8000, settings.port());
        assertEquals(Optional.empty(), settings.databaseUrl());
        assertEquals(Path.of("data").toAbsolutePath(), settings.dataDir());
        assertEquals(Settings.TelegramMode.OFF, settings.telegramMode());
        assertEquals(URI.create("https://api.telegram.org"), settings.telegramApiUrl());
        assertEquals(20L * 1024 * 1024, settings.filesMaxBytes());
        assertEquals(Optional.empty(), settings.filesDir());
        assertEquals(Duration.ofHours(24), settings.initDataMaxAge());
        assertEquals(Duration.ofDays(7), settings.autoCloseAfter());
        assertEquals(Set.of(), settings.adminTelegramIds());
        assertEquals(List.of(), settings.corsOrigins());
        assertEquals(Language.EN, settings.staffChatLanguage(), "existing staff groups keep their English texts");
        assertEquals(Math.max(4, Runtime.getRuntime().availableProcessors() * 2 + 1), settings.databasePoolSize());
    }

    @Test
    void readsEverySettingGiven() {
        Settings settings = Settings.fromEnvironment(Map.ofEntries(
                Map.entry("PORT", "9000"),
                Map.entry("DATABASE_URL", "postgresql://desk:pw@db:5432/desk"),
                Map.entry("BOT_TOKEN", TOKEN),
                Map.entry("ADMIN_TELEGRAM_IDS", " 1, 22 ,333 "),
                Map.entry("STAFF_CHAT_ID", "-1001234567890"),
                Map.entry("STAFF_CHAT_LANGUAGE", "RU"),
                Map.entry("DATABASE_POOL_SIZE", "40"),
                Map.entry("TELEGRAM_MODE", "webhook"),
                Map.entry("TELEGRAM_WEBHOOK_URL", "https://desk.example.org/telegram"),
                Map.entry("INIT_DATA_MAX_AGE", "PT1H"),
                Map.entry("AUTO_CLOSE_AFTER", "P3D"),
                Map.entry("FILES_MAX_BYTES", "1048576"),
                Map.entry("FILES_DIR", "/var/lib/ticketdesk/../ticketdesk/files"),
                Map.entry("CORS_ORIGINS", "https://a.example.org, http://localhost:5173")));

        assertEquals(9000, settings.port());
        assertEquals("jdbc:postgresql://db:5432/desk", settings.databaseUrl().orElseThrow().jdbcUrl());
        assertEquals(Set.of(1L, 22L, 333L), settings.adminTelegramIds());
        assertEquals(Optional.of(-1001234567890L), settings.staffChatId());
        assertEquals(Language.RU, settings.staffChatLanguage());
        assertEquals(40, settings.databasePoolSize());
        assertEquals(Settings.TelegramMode.WEBHOOK, settings.telegramMode());
        assertEquals(Duration.ofHours(1), settings.initDataMaxAge());
        assertEquals(Duration.ofDays(3), settings.autoCloseAfter());
        assertEquals(1048576L, settings.filesMaxBytes());
        assertEquals(Optional.of(Path.of("/var/lib/ticketdesk/files")), settings.filesDir());
        assertEquals(List.of("https://a.example.org", "http://localhost:5173"), settings.corsOrigins());
        assertEquals(Settings.TelegramMode.POLLING, Settings.fromEnvironment(Map.of("BOT_TOKEN", TOKEN)).telegramMode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PORT|eighty|PORT: must be a whole number from 0 to 65535, got \"eighty\"",
            "PORT|70000|PORT: must be a whole number from 0 to 65535, got \"70000\"",
            "DATABASE_URL|mysql://h/db|DATABASE_URL: must start with postgresql://, postgres:// or jdbc:postgresql:",
            "BOT_TOKEN|not-a-token|BOT_TOKEN: is not a Telegram bot token (expected 123456:ABC...)",
            "JWT_SECRET|short|JWT_SECRET: must be at least 32 bytes long",
            "ADMIN_TELEGRAM_IDS|1,two|ADMIN_TELEGRAM_IDS: must be a whole number from 1 to 9223372036854775807, got \"two\"",
            "STAFF_CHAT_ID|staff|STAFF_CHAT_ID: must be a Telegram chat id (a whole number, negative for groups)",
            "DATABASE_POOL_SIZE|0|DATABASE_POOL_SIZE: must be a whole number from 1 to 1000, got \"0\"",
            "DATABASE_POOL_SIZE|many|DATABASE_POOL_SIZE: must be a whole number from 1 to 1000, got \"many\"",
            "STAFF_CHAT_LANGUAGE|de|STAFF_CHAT_LANGUAGE: must be ru or en, got \"de\"",
            "TELEGRAM_MODE|carrier-pigeon|TELEGRAM_MODE: must be polling, webhook or off",
            "TELEGRAM_MODE|polling|TELEGRAM_MODE: is polling but BOT_TOKEN is unset",
            "WEBAPP_URL|ftp://files|WEBAPP_URL: must be an http:// or https:// URL",
            "FILES_MAX_BYTES|0|FILES_MAX_BYTES: must be a whole number from 1 to 2147483648, got \"0\"",
            "FILES_DIR|files\u0000dir|FILES_DIR: is not a valid path",
            "INIT_DATA_MAX_AGE|24 hours|INIT_DATA_MAX_AGE: must be a positive ISO-8601 duration such as PT24H or P7D, got \"24 hours\"",
            "AUTO_CLOSE_AFTER|-P1D|AUTO_CLOSE_AFTER: must be a positive ISO-8601 duration such as PT24H or P7D, got \"-P1D\"",
            "CORS_ORIGINS|https://a.example.org/path|CORS_ORIGINS: an origin has no path: \"https://a.example.org/path\"",
    })
    void aBadValueStopsStartUpWithOneLineNamingTheVariable(String variable, String value, String message) {
        Settings.InvalidSettingException failure = assertThrows(Settings.InvalidSettingException.class,
                () -> Settings.fromEnvironment(Map.of(variable, value)));

        assertEquals(message, failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"));
    }

    @Test
    void webhookModeNeedsAWebhookUrl() {
        assertEquals("TELEGRAM_WEBHOOK_URL: is required when TELEGRAM_MODE is webhook",
                assertThrows(Settings.InvalidSettingException.class, () -> Settings.fromEnvironment(
                        Map.of("BOT_TOKEN", TOKEN, "TELEGRAM_MODE", "webhook"))).getMessage());
    }

    @Test
    void printedSettingsNeverShowSecrets() {
        Settings settings = Settings.fromEnvironment(Map.of("BOT_TOKEN", TOKEN,
                "JWT_SECRET", "a-very-secret-signing-key-of-32-bytes!",
                "DATABASE_URL", "postgresql://desk:hunter2@db/desk"));

        String printed = settings.toString();
        assertFalse(printed.contains("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        assertFalse(printed.contains("a-very-secret"));
        assertFalse(printed.contains("hunter2"));
        assertTrue(printed.contains("botToken=(set)"));
    }
}
