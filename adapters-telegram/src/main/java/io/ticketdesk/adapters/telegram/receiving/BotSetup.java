package io.ticketdesk.adapters.telegram.receiving;

import io.ticketdesk.adapters.telegram.api.ApiAnswer;
import io.ticketdesk.adapters.telegram.api.BotCommand;
import io.ticketdesk.adapters.telegram.api.MenuButtonWebApp;
import io.ticketdesk.adapters.telegram.api.TelegramBotApi;
import io.ticketdesk.adapters.telegram.api.WebhookInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the leader tells Telegram when it takes over: the command list (ru, en), the menu button
 * that opens the Mini App, and in webhook mode the webhook, set only when it differs.
 */
public final class BotSetup {

    private static final Logger LOG = LoggerFactory.getLogger(BotSetup.class);
    static final Map<String, List<BotCommand>> COMMANDS = Map.of(
            "en", List.of(new BotCommand("new", "Open a new ticket"), new BotCommand("tickets", "My open tickets"),
                    new BotCommand("help", "What the bot can do"), new BotCommand("cancel", "Leave the current step")),
            "ru", List.of(new BotCommand("new", "Новое обращение"), new BotCommand("tickets", "Мои открытые обращения"),
                    new BotCommand("help", "Что умеет бот"), new BotCommand("cancel", "Отменить текущий шаг")));

    private final TelegramBotApi api;
    private final Optional<URI> webAppUrl;
    private final Optional<URI> webhookUrl;
    private final String webhookSecret;
    private final Function<String, String> lastFingerprint;

    /**
     * @param webhookUrl set in webhook mode, empty when polling
     * @param lastFingerprint reads (with an argument) and replaces the stored fingerprint of the webhook last set:
     *                        Telegram never shows the secret back, so a changed secret is seen by its fingerprint
     */
    public BotSetup(TelegramBotApi api, Optional<URI> webAppUrl, Optional<URI> webhookUrl, String webhookSecret,
                    Function<String, String> lastFingerprint) {
        this.api = api;
        this.webAppUrl = webAppUrl;
        this.webhookUrl = webhookUrl;
        this.webhookSecret = webhookSecret;
        this.lastFingerprint = lastFingerprint;
    }

    /** Runs once per leadership; a failure is logged and left for the next leader (it is all idempotent). */
    public void takeOver() {
        try {
            COMMANDS.forEach((language, commands) -> check("setMyCommands",
                    api.call("setMyCommands", Map.of("commands", commands, "language_code", language))));
            check("setMyCommands", api.call("setMyCommands", Map.of("commands", COMMANDS.get("en"))));
            webAppUrl.ifPresent(url -> check("setChatMenuButton", api.call("setChatMenuButton",
                    Map.of("menu_button", new MenuButtonWebApp("Desk", url.toString())))));
            if (webhookUrl.isPresent()) {
                registerWebhook(webhookUrl.get());
            }
        } catch (RuntimeException e) {
            LOG.warn("setting up the bot at Telegram failed", e);
        }
    }

    private void registerWebhook(URI url) {
        ApiAnswer info = api.call("getWebhookInfo", Map.of());
        if (!info.ok()) {
            check("getWebhookInfo", info);
            return;
        }
        WebhookInfo current = info.result(WebhookInfo.class);
        String fingerprint = fingerprint(url);
        boolean same = url.toString().equals(current.url())
                && current.allowedUpdates() != null
                && current.allowedUpdates().containsAll(UpdatePoller.ALLOWED_UPDATES)
                && UpdatePoller.ALLOWED_UPDATES.containsAll(current.allowedUpdates())
                && fingerprint.equals(lastFingerprint.apply(null));
        if (same) {
            LOG.info("the Telegram webhook is already set as wanted");
            return;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("url", url.toString());
        parameters.put("secret_token", webhookSecret);
        parameters.put("allowed_updates", UpdatePoller.ALLOWED_UPDATES);
        ApiAnswer set = api.call("setWebhook", parameters);
        check("setWebhook", set);
        if (set.ok()) {
            lastFingerprint.apply(fingerprint);
            LOG.info("Telegram webhook set to {}", url);
        }
    }

    private String fingerprint(URI url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (url + "\n" + webhookSecret + "\n" + UpdatePoller.ALLOWED_UPDATES).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(String method, ApiAnswer answer) {
        if (!answer.ok()) {
            LOG.warn("{} at Telegram failed: {}", method, answer.description());
        }
    }
}
