package io.ticketdesk.bootstrap;

import io.ticketdesk.adapters.telegram.webapp.InitDataSigner;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sign-init-data --telegram-id 42 --first-name Ann [--last-name X] [--username ann] [--language ru]}:
 * prints Mini App initData signed with BOT_TOKEN, so one can log in with curl without Telegram.
 */
final class SignInitDataCommand {

    static final String NAME = "sign-init-data";
    private static final Set<String> OPTIONS = Set.of("--telegram-id", "--first-name", "--last-name", "--username",
            "--language");

    private SignInitDataCommand() {
    }

    /** The signed initData; IllegalArgumentException with a one-line reason for bad arguments. */
    static String run(List<String> args, Settings settings, Clock clock) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!OPTIONS.contains(option) || i + 1 >= args.size()) {
                throw new IllegalArgumentException("usage: " + NAME
                        + " --telegram-id ID --first-name NAME [--last-name NAME] [--username NAME] [--language CODE]");
            }
            options.put(option, args.get(i + 1));
        }
        String token = settings.botToken()
                .orElseThrow(() -> new IllegalArgumentException("BOT_TOKEN: must be set to sign initData"));
        long telegramId;
        try {
            telegramId = Long.parseLong(options.getOrDefault("--telegram-id", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--telegram-id: must be a positive whole number");
        }
        String firstName = options.get("--first-name");
        if (telegramId <= 0 || firstName == null || firstName.isBlank()) {
            throw new IllegalArgumentException("--telegram-id (positive) and --first-name are required");
        }
        return new InitDataSigner(token).sign(telegramId, firstName, options.get("--last-name"),
                options.get("--username"), options.get("--language"), clock.instant());
    }
}
