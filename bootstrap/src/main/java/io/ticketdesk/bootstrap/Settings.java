package io.ticketdesk.bootstrap;

import io.ticketdesk.adapters.http.limits.HttpLimits;
import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.ticketdesk.adapters.telegram.dialogue.Language;
import io.ticketdesk.application.port.in.limits.LimitedAction;
import io.ticketdesk.application.port.in.limits.RateLimit;
import io.ticketdesk.application.port.in.limits.RateLimitPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings of SPEC §8, read from the environment once at start-up. Every value is checked
 * here, so a bad one stops the service with one line naming the variable.
 */
public record Settings(int port, Optional<PostgresUrl> databaseUrl, Path dataDir, Optional<String> botToken,
                       Optional<String> jwtSecret, Set<Long> adminTelegramIds, Optional<URI> webAppUrl,
                       Optional<Long> staffChatId, TelegramMode telegramMode, URI telegramApiUrl,
                       Optional<URI> telegramWebhookUrl, Optional<String> telegramWebhookSecret, long filesMaxBytes,
                       Optional<Path> filesDir, Duration initDataMaxAge, Duration autoCloseAfter, List<String> corsOrigins,
                       boolean metrics, Optional<String> metricsToken, RateLimitPolicy rateLimits, LogFormat logFormat,
                       HttpLimits httpLimits, Optional<String> botUsername, Language staffChatLanguage,
                       int databasePoolSize) {

    public enum TelegramMode { POLLING, WEBHOOK, OFF }

    public enum LogFormat { TEXT, JSON }

    /** The bot token Telegram issues: digits, a colon, then letters, digits, - and _. */
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d+:[A-Za-z0-9_-]{20,}");
    /** A bot's username as Telegram allows it (5 to 32 letters, digits and _), without the @. */
    private static final Pattern BOT_USERNAME = Pattern.compile("[A-Za-z0-9_]{5,32}");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    /** A setting that makes no sense: the message names the variable and what is wrong with it. */
    public static final class InvalidSettingException extends RuntimeException {
        InvalidSettingException(String variable, String problem) {
            super(variable + ": " + problem, null, false, false);
        }
    }

    public static Settings fromEnvironment(Map<String, String> env) {
        Reader read = new Reader(env);
        Optional<String> botToken = read.optional("BOT_TOKEN").map(token -> {
            if (!BOT_TOKEN.matcher(token).matches()) {
                throw new InvalidSettingException("BOT_TOKEN", "is not a Telegram bot token (expected 123456:ABC...)");
            }
            return token;
        });
        Optional<String> jwtSecret = read.optional("JWT_SECRET").map(secret -> {
            if (secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
                throw new InvalidSettingException("JWT_SECRET", "must be at least 32 bytes long");
            }
            return secret;
        });
        TelegramMode mode = read.optional("TELEGRAM_MODE")
                .map(value -> read.parse("TELEGRAM_MODE", value, "must be polling, webhook or off",
                        v -> TelegramMode.valueOf(v.toUpperCase(Locale.ROOT))))
                .orElse(botToken.isPresent() ? TelegramMode.POLLING : TelegramMode.OFF);
        if (mode != TelegramMode.OFF && botToken.isEmpty()) {
            throw new InvalidSettingException("TELEGRAM_MODE", "is " + mode.name().toLowerCase(Locale.ROOT)
                    + " but BOT_TOKEN is unset");
        }
        Optional<URI> webhookUrl = read.optional("TELEGRAM_WEBHOOK_URL").map(v -> read.httpUrl("TELEGRAM_WEBHOOK_URL", v));
        if (mode == TelegramMode.WEBHOOK && webhookUrl.isEmpty()) {
            throw new InvalidSettingException("TELEGRAM_WEBHOOK_URL", "is required when TELEGRAM_MODE is webhook");
        }
        Optional<String> webhookSecret = read.optional("TELEGRAM_WEBHOOK_SECRET").map(secret -> {
            if (!WEBHOOK_SECRET.matcher(secret).matches()) {
                throw new InvalidSettingException("TELEGRAM_WEBHOOK_SECRET",
                        "must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)");
            }
            return secret;
        });

        return new Settings(
                read.optional("PORT").map(v -> read.integer("PORT", v, 0, 65535)).orElse(8000),
                read.optional("DATABASE_URL").map(v -> read.parse("DATABASE_URL", v, null, PostgresUrl::parse)),
                read.optional("DATA_DIR").map(v -> read.parse("DATA_DIR", v, "is not a valid path", Path::of))
                        .orElse(Path.of("data")).toAbsolutePath().normalize(),
                botToken,
                jwtSecret,
                read.optional("ADMIN_TELEGRAM_IDS").map(v -> read.telegramIds("ADMIN_TELEGRAM_IDS", v)).orElse(Set.of()),
                read.optional("WEBAPP_URL").map(v -> read.httpUrl("WEBAPP_URL", v)),
                read.optional("STAFF_CHAT_ID").map(v -> read.parse("STAFF_CHAT_ID", v,
                        "must be a Telegram chat id (a whole number, negative for groups)", Long::parseLong)),
                mode,
                read.optional("TELEGRAM_API_URL").map(v -> read.httpUrl("TELEGRAM_API_URL", v))
                        .orElse(URI.create("https://api.telegram.org")),
                webhookUrl,
                webhookSecret,
                read.optional("FILES_MAX_BYTES").map(v -> read.longInteger("FILES_MAX_BYTES", v, 1, 2L << 30))
                        .orElse(20L * 1024 * 1024),
                read.optional("FILES_DIR").map(v -> read.parse("FILES_DIR", v, "is not a valid path", Path::of)
                        .toAbsolutePath().normalize()),
                read.optional("INIT_DATA_MAX_AGE").map(v -> read.duration("INIT_DATA_MAX_AGE", v)).orElse(Duration.ofHours(24)),
                read.optional("AUTO_CLOSE_AFTER").map(v -> read.duration("AUTO_CLOSE_AFTER", v)).orElse(Duration.ofDays(7)),
                read.optional("CORS_ORIGINS").map(v -> read.origins("CORS_ORIGINS", v)).orElse(List.of()),
                onOff(read, "METRICS"),
                read.optional("METRICS_TOKEN").map(token -> {
                    if (token.length() < 16) {
                        throw new InvalidSettingException("METRICS_TOKEN", "must be at least 16 characters long");
                    }
                    return token;
                }),
                rateLimits(read),
                read.optional("LOG_FORMAT").map(v -> read.parse("LOG_FORMAT", v, "must be text or json, got \"" + v + "\"",
                        format -> LogFormat.valueOf(format.toUpperCase(Locale.ROOT)))).orElse(LogFormat.TEXT),
                new HttpLimits(
                        read.optional("HTTP_IDLE_TIMEOUT").map(v -> read.duration("HTTP_IDLE_TIMEOUT", v))
                                .orElse(HttpLimits.DEFAULT.idleTimeout()),
                        read.optional("HTTP_HEADER_TIMEOUT").map(v -> read.duration("HTTP_HEADER_TIMEOUT", v))
                                .orElse(HttpLimits.DEFAULT.headerDeadline())),
                read.optional("BOT_USERNAME").map(v -> v.startsWith("@") ? v.substring(1) : v).map(name -> {
                    if (!BOT_USERNAME.matcher(name).matches()) {
                        throw new InvalidSettingException("BOT_USERNAME", "is not a bot username (5 to 32 of A-Z, a-z, 0-9 and _)");
                    }
                    return name;
                }),
                read.optional("STAFF_CHAT_LANGUAGE").map(v -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "ru" -> Language.RU;
                    case "en" -> Language.EN;
                    default -> throw new InvalidSettingException("STAFF_CHAT_LANGUAGE", "must be ru or en, got \"" + v + "\"");
                }).orElse(Language.EN),
                read.optional("DATABASE_POOL_SIZE").map(v -> read.integer("DATABASE_POOL_SIZE", v, 1, 1000))
                        .orElseGet(Settings::defaultPoolSize));
    }

    /**
     * Connections for requests when DATABASE_POOL_SIZE is unset: enough to keep every core busy while
     * others wait on I/O. More helped the JVM but cost PostgreSQL as much (bench/README.md, "Fifth pass").
     */
    static int defaultPoolSize() {
        return Math.max(4, Runtime.getRuntime().availableProcessors() * 2 + 1);
    }

    /** The variable of each limit; each one {@code COUNT/DURATION}, e.g. {@code 60/PT1M}. */
    private static final Map<LimitedAction, String> RATE_LIMIT_VARIABLES = Map.of(
            LimitedAction.LOG_IN, "RATE_LIMIT_LOGIN",
            LimitedAction.CREATE_TICKET, "RATE_LIMIT_TICKETS",
            LimitedAction.POST_MESSAGE, "RATE_LIMIT_MESSAGES",
            LimitedAction.UPLOAD_FILE, "RATE_LIMIT_UPLOADS",
            LimitedAction.OPEN_SOCKET, "RATE_LIMIT_SOCKETS");

    private static RateLimitPolicy rateLimits(Reader read) {
        boolean enabled = onOff(read, "RATE_LIMITS");
        Map<LimitedAction, RateLimit> limits = new EnumMap<>(RateLimitPolicy.defaultLimits());
        RATE_LIMIT_VARIABLES.forEach((action, variable) -> read.optional(variable).ifPresent(v ->
                limits.put(action, read.parse(variable, v, "must be COUNT/DURATION such as 60/PT1M, got \"" + v + "\"",
                        RateLimit::parse))));
        int staffFactor = read.optional("RATE_LIMIT_STAFF_FACTOR")
                .map(v -> read.integer("RATE_LIMIT_STAFF_FACTOR", v, 1, 1000)).orElse(4);
        return new RateLimitPolicy(enabled, limits, staffFactor);
    }

    /** A switch that is on unless set to {@code off}. */
    private static boolean onOff(Reader read, String name) {
        return read.optional(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new InvalidSettingException(name, "must be on or off, got \"" + v + "\"");
        }).orElse(true);
    }

    /** SPEC §9: without a bot the service is a local demo, on the loopback address only. */
    public boolean demo() {
        return botToken.isEmpty();
    }

    /** Secrets stay out of logs even when someone prints the settings. */
    @Override
    public String toString() {
        return "Settings[port=" + port + ", databaseUrl=" + databaseUrl + ", dataDir=" + dataDir
                + ", botToken=" + botToken.map(t -> "(set)").orElse("(unset)")
                + ", jwtSecret=" + jwtSecret.map(t -> "(set)").orElse("(unset)")
                + ", metricsToken=" + metricsToken.map(t -> "(set)").orElse("(unset)")
                + ", adminTelegramIds=" + adminTelegramIds + ", telegramMode=" + telegramMode
                + ", filesDir=" + filesDir.map(Path::toString).orElse("(unset: files in PostgreSQL)") + "]";
    }

    /** Reads one variable at a time and words every failure the same way. */
    private record Reader(Map<String, String> env) {

        Optional<String> optional(String name) {
            return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        }

        <T> T parse(String name, String value, String problem, java.util.function.Function<String, T> parser) {
            try {
                return parser.apply(value);
            } catch (RuntimeException bad) {
                throw new InvalidSettingException(name, problem != null ? problem : bad.getMessage());
            }
        }

        int integer(String name, String value, int min, int max) {
            return (int) longInteger(name, value, min, max);
        }

        long longInteger(String name, String value, long min, long max) {
            String problem = "must be a whole number from " + min + " to " + max + ", got \"" + value + "\"";
            long number = parse(name, value, problem, Long::parseLong);
            if (number < min || number > max) {
                throw new InvalidSettingException(name, problem);
            }
            return number;
        }

        Duration duration(String name, String value) {
            String problem = "must be a positive ISO-8601 duration such as PT24H or P7D, got \"" + value + "\"";
            Duration duration;
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException bad) {
                throw new InvalidSettingException(name, problem);
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidSettingException(name, problem);
            }
            return duration;
        }

        URI httpUrl(String name, String value) {
            try {
                URI uri = new URI(value);
                if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new InvalidSettingException(name, "must be an http:// or https:// URL");
                }
                return uri;
            } catch (URISyntaxException bad) {
                throw new InvalidSettingException(name, "must be an http:// or https:// URL");
            }
        }

        Set<Long> telegramIds(String name, String value) {
            return Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(id -> !id.isEmpty())
                    .map(id -> longInteger(name, id, 1, Long.MAX_VALUE))
                    .collect(Collectors.toUnmodifiableSet());
        }

        List<String> origins(String name, String value) {
            return Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(origin -> !origin.isEmpty())
                    .map(origin -> {
                        URI uri = httpUrl(name, origin);
                        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                            throw new InvalidSettingException(name, "an origin has no path: \"" + origin + "\"");
                        }
                        return origin;
                    })
                    .toList();
        }
    }
}
