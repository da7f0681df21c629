package io.ticketdesk.adapters.telegram.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.api.Update;
import io.ticketdesk.adapters.telegram.bot.BotHarness;
import io.ticketdesk.adapters.telegram.bot.BotTestbed;
import io.ticketdesk.adapters.telegram.bot.TelegramBot;
import io.ticketdesk.adapters.telegram.bot.TestBotDatabase;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhook mode: the secret header, duplicates dropped, and the webhook registered only when it differs. */
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SECRET = "webhook-Secret_42";
    private static final String URL = "https://desk.example/telegram/hook";
    @RegisterExtension
    final BotTestbed testbed = new BotTestbed();
    private final FakeTelegram telegram = testbed.telegram();
    private final TestBotDatabase database = testbed.database();

    private static byte[] update(long id, String text) {
        var update = FakeTelegram.privateText(77, "Ann", "en", id, text).put("update_id", id);
        return update.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSecretIsCheckedAndDuplicatesAreDropped() throws Exception {
        BotHarness harness = new BotHarness();
        try (TelegramBot bot = TelegramBot.start(BotHarness.webhook(telegram, URL, SECRET), database.bot(),
                harness.recorder())) {
            WebhookReceiver receiver = bot.webhook().orElseThrow();
            assertEquals("/telegram/hook", bot.webhookPath().orElseThrow());
            assertEquals(401, receiver.receive(null, update(1, "no secret")).status());
            assertEquals(401, receiver.receive("wrong", update(2, "wrong secret")).status());
            assertEquals(401, receiver.receive(SECRET + "x", update(3, "longer secret")).status());
            assertEquals(400, receiver.receive(SECRET, "not json".getBytes(StandardCharsets.UTF_8)).status());
            assertEquals(400, receiver.receive(SECRET, "{\"message\":{}}".getBytes(StandardCharsets.UTF_8)).status());
            assertEquals(0, database.count("SELECT count(*) FROM telegram_updates"), "nothing refused was stored");

            assertEquals(200, receiver.receive(SECRET, update(10, "hello")).status());
            assertEquals(200, receiver.receive(SECRET, update(10, "hello")).status(), "a repeat is acknowledged");
            assertEquals(200, receiver.receive(SECRET, update(11, "again")).status());
            assertTrue(harness.awaitHandled(2, WAIT));
            Thread.sleep(300);
        }
        assertEquals(java.util.List.of(10L, 11L), harness.handled.stream().map(Update::updateId).toList(),
                "the repeated update_id was handled once");
        assertEquals(2, database.count("SELECT count(*) FROM telegram_updates"));
    }

    @Test
    void theWebhookIsSetOnlyWhenItDiffers() throws Exception {
        try (TelegramBot bot = TelegramBot.start(BotHarness.webhook(telegram, URL, SECRET), database.bot(), u -> { })) {
            assertTrue(BotHarness.await(() -> database.count("SELECT count(*) FROM telegram_poll_state"
                    + " WHERE webhook_fingerprint IS NOT NULL") == 1, WAIT), "the webhook set is remembered");
        }
        assertEquals(URL, telegram.webhook().path("url").asText());
        assertEquals(SECRET, telegram.webhook().path("x_secret_token_for_tests").asText());
        assertEquals("web_app", telegram.menuButton().path("type").asText());
        assertEquals("https://desk.example/app", telegram.menuButton().path("web_app").path("url").asText());

        try (TelegramBot bot = TelegramBot.start(BotHarness.webhook(telegram, URL, SECRET), database.bot(), u -> { })) {
            assertTrue(BotHarness.await(() -> telegram.calls("getWebhookInfo").size() >= 2, WAIT));
            Thread.sleep(200);
        }
        assertEquals(1, telegram.calls("setWebhook").size(), "the same webhook is not set again");

        try (TelegramBot bot = TelegramBot.start(BotHarness.webhook(telegram, URL, "another-secret"), database.bot(),
                u -> { })) {
            assertTrue(BotHarness.await(() -> telegram.calls("setWebhook").size() == 2, WAIT),
                    "a new secret is registered");
        }
        assertEquals("another-secret", telegram.webhook().path("x_secret_token_for_tests").asText());
    }

    @Test
    void aBadSecretIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookReceiver(null, "has spaces"));
        assertThrows(IllegalArgumentException.class, () -> new WebhookReceiver(null, ""));
        assertThrows(IllegalArgumentException.class, () -> new WebhookReceiver(null, "x".repeat(257)));
    }
}
