package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.adapters.telegram.webapp.TelegramInitDataVerifier;
import io.ticketdesk.domain.users.TelegramIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInitDataCommandTest {

    private static final String TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private final Settings settings = Settings.fromEnvironment(Map.of("BOT_TOKEN", TOKEN));

    @Test
    void printsInitDataThatTheServiceAccepts() {
        String initData = SignInitDataCommand.run(
                List.of("--telegram-id", "42", "--first-name", "Ann", "--username", "ann_k"), settings,
                Clock.systemUTC());

        TelegramIdentity identity = new TelegramInitDataVerifier(TOKEN, Duration.ofHours(24), Clock.systemUTC())
                .verify(initData, null);
        assertEquals(new TelegramIdentity(42, "Ann", null, "ann_k", null), identity);
    }

    @Test
    void explainsWhatIsMissing() {
        assertEquals("BOT_TOKEN: must be set to sign initData", assertThrows(IllegalArgumentException.class,
                () -> SignInitDataCommand.run(List.of("--telegram-id", "42", "--first-name", "Ann"),
                        Settings.fromEnvironment(Map.of()), Clock.systemUTC())).getMessage());
        assertEquals("--telegram-id: must be a positive whole number", assertThrows(IllegalArgumentException.class,
                () -> SignInitDataCommand.run(List.of("--telegram-id", "x", "--first-name", "Ann"), settings,
                        Clock.systemUTC())).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SignInitDataCommand.run(List.of("--telegram-id"), settings, Clock.systemUTC()));
    }
}
