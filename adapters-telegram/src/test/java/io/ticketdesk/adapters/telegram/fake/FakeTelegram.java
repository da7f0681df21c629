package io.ticketdesk.adapters.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the Telegram Bot API, over real HTTP on a random port: methods matched
 * case-insensitively, JSON, urlencoded and multipart bodies, getUpdates with real offsets and long
 * polls (a second poller ends the first with 409), webhooks, forum topics, files, message ids per
 * chat, scripted failures, and a record of every call with its time.
 */
public final class FakeTelegram implements AutoCloseable {

    public static final String TOKEN = "4242:FAKE_token_for_the_fake_bot_api_server";
    public static final long BOT_ID = 4242;
    public static final String BOT_USERNAME = "fake_desk_bot";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern METHOD_PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)/?");
    private static final String ARRIVED = "fake-telegram-arrived";
    private static final Pattern FILE_PATH = Pattern.compile("/file/bot([^/]+)/(.+)");
    private static final Set<String> HTML_TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del",
            "a", "code", "pre", "blockquote", "tg-spoiler", "span", "tg-emoji");

    /**
     * One request as the fake saw it ({@code at}: when it arrived; {@code answered}: when the fake
     * answered, which for a long poll is much later). {@code host}: the Host header, so a test that gives two
     * instances two spellings of the fake's address can tell their calls apart.
     */
    public record Call(String method, String token, JsonNode params, Map<String, byte[]> files, Instant at,
                       int status, JsonNode answer, String host, Instant answered) {

        public long chatId() {
            return params.path("chat_id").asLong();
        }

        public String text() {
            JsonNode text = params.has("text") ? params.get("text") : params.get("caption");
            return text == null ? null : text.asText();
        }
    }

    /** A scripted answer for the next call of a method (or of any method, with "*"). */
    public record Failure(int status, String description, JsonNode parameters, Integer retryAfterHeader,
                          boolean resetConnection, boolean garbageBody, Duration delay) {

        public static Failure tooManyRequests(int retryAfter) {
            return new Failure(429, "Too Many Requests: retry after " + retryAfter,
                    JSON.createObjectNode().put("retry_after", retryAfter), retryAfter, false, false, null);
        }

        public static Failure forbidden(String description) {
            return new Failure(403, description, null, null, false, false, null);
        }

        public static Failure badRequest(String description) {
            return new Failure(400, description, null, null, false, false, null);
        }

        /** What Telegram answers a post into a forum topic that was deleted. */
        public static Failure threadNotFound() {
            return badRequest("Bad Request: message thread not found");
        }

        public static Failure migrated(long newChatId) {
            return new Failure(400, "Bad Request: group chat was upgraded to a supergroup chat",
                    JSON.createObjectNode().put("migrate_to_chat_id", newChatId), null, false, false, null);
        }

        public static Failure serverError(int status) {
            return new Failure(status, "Internal Server Error", null, null, false, false, null);
        }

        public static Failure connectionReset() {
            return new Failure(0, null, null, null, true, false, null);
        }

        public static Failure notJson() {
            return new Failure(502, null, null, null, false, true, null);
        }

        /** Answers normally, but only after {@code delay}. */
        public static Failure slow(Duration delay) {
            return new Failure(0, null, null, null, false, false, delay);
        }
    }

    private final Object lock = new Object();
    private boolean closed;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private long nextUpdateId = 100_000;
    private long pollGeneration;
    private final Map<Long, Long> lastMessageId = new HashMap<>();
    private final Map<String, String> messageTexts = new HashMap<>();
    private final Set<Long> blockedChats = new HashSet<>();
    private final Map<Long, Long> migratedChats = new HashMap<>();
    private final Set<Long> forums = new HashSet<>();
    private final Map<Long, Map<Long, String>> topics = new HashMap<>();
    private final Set<String> closedTopics = new HashSet<>();
    private long nextThreadId = 7_000;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> fileNames = new HashMap<>();
    private long nextFileId = 1;
    private ObjectNode webhook = JSON.createObjectNode().put("url", "");
    private final Map<String, JsonNode> commands = new HashMap<>();
    private JsonNode menuButton;
    private final Javalin server;

    private FakeTelegram() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/*", this::route);
            config.routes.post("/*", this::route);
        });
    }

    public static FakeTelegram start() {
        FakeTelegram fake = new FakeTelegram();
        fake.server.start("127.0.0.1", 0);
        return fake;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    // ---- what tests script ----

    /** Adds an update (without {@code update_id}) to the queue; returns the id it got. */
    public long pushUpdate(ObjectNode update) {
        synchronized (lock) {
            long id = nextUpdateId++;
            ObjectNode stored = JSON.createObjectNode().put("update_id", id);
            stored.setAll(update);
            updates.add(stored);
            lock.notifyAll();
            return id;
        }
    }

    /** Adds an update exactly as given (its own {@code update_id}), as a webhook test replays it. */
    public void pushRawUpdate(ObjectNode update) {
        synchronized (lock) {
            updates.add(update);
            lock.notifyAll();
        }
    }

    public void failNext(String method, Failure failure) {
        synchronized (lock) {
            failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>()).add(failure);
        }
    }

    public void blockChat(long chatId) {
        synchronized (lock) {
            blockedChats.add(chatId);
        }
    }

    public void unblockChat(long chatId) {
        synchronized (lock) {
            blockedChats.remove(chatId);
        }
    }

    /** From now on, sends to {@code oldChatId} fail with {@code migrate_to_chat_id = newChatId}. */
    public void migrateChat(long oldChatId, long newChatId) {
        synchronized (lock) {
            migratedChats.put(oldChatId, newChatId);
        }
    }

    public void makeForum(long chatId) {
        synchronized (lock) {
            forums.add(chatId);
            topics.computeIfAbsent(chatId, c -> new LinkedHashMap<>());
        }
    }

    /** Deletes a topic as an admin would in the app; later sends to it fail "message thread not found". */
    public void deleteTopic(long chatId, long threadId) {
        synchronized (lock) {
            topics.getOrDefault(chatId, new HashMap<>()).remove(threadId);
        }
    }

    public Map<Long, String> topics(long chatId) {
        synchronized (lock) {
            return Map.copyOf(topics.getOrDefault(chatId, Map.of()));
        }
    }

    public boolean topicClosed(long chatId, long threadId) {
        synchronized (lock) {
            return closedTopics.contains(chatId + "/" + threadId);
        }
    }

    /** A file a user "sent": returns its file_id for a photo or document in an update. */
    public String addFile(String name, byte[] content) {
        synchronized (lock) {
            String id = "file-" + nextFileId++;
            files.put(id, content);
            fileNames.put(id, name);
            return id;
        }
    }

    public byte[] fileContent(String fileId) {
        synchronized (lock) {
            return files.get(fileId);
        }
    }

    public JsonNode webhook() {
        synchronized (lock) {
            return webhook.deepCopy();
        }
    }

    public JsonNode commands(String languageCode) {
        synchronized (lock) {
            return commands.get(languageCode == null ? "" : languageCode);
        }
    }

    public JsonNode menuButton() {
        synchronized (lock) {
            return menuButton;
        }
    }

    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** Calls of one method (any case), in order. */
    public List<Call> calls(String method) {
        return calls(call -> call.method().equalsIgnoreCase(method));
    }

    public List<Call> calls(Predicate<Call> which) {
        synchronized (lock) {
            return calls.stream().filter(which).toList();
        }
    }

    /** Successful sends (sendMessage, sendPhoto, sendDocument) to one chat, in order. */
    public List<Call> sentTo(long chatId) {
        return calls(call -> call.status() == 200 && call.method().toLowerCase(Locale.ROOT).startsWith("send")
                && !call.method().equalsIgnoreCase("sendChatAction") && call.chatId() == chatId);
    }

    /** Waits up to {@code timeout} until {@code condition} holds on the calls; false when it never did. */
    public boolean awaitCalls(Predicate<List<Call>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.test(calls)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Updates not yet confirmed by an offset. */
    public int pendingUpdates() {
        synchronized (lock) {
            return updates.size();
        }
    }

    // ---- update builders ----

    public static ObjectNode user(long id, String firstName, String languageCode) {
        ObjectNode user = JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", firstName);
        if (languageCode != null) {
            user.put("language_code", languageCode);
        }
        return user;
    }

    /** An update with a text message in the private chat of user {@code userId}. */
    public static ObjectNode privateText(long userId, String firstName, String languageCode, long messageId,
                                         String text) {
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        message.set("from", user(userId, firstName, languageCode));
        message.set("chat", JSON.createObjectNode().put("id", userId).put("type", "private").put("first_name", firstName));
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            message.set("entities", JSON.createArrayNode().add(JSON.createObjectNode()
                    .put("type", "bot_command").put("offset", 0).put("length", end)));
        }
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        return update;
    }

    /** An update with a message of {@code message}'s shape from user {@code userId} in their private chat. */
    public static ObjectNode privateMessage(long userId, String firstName, String languageCode, long messageId,
                                            java.util.function.Consumer<ObjectNode> fill) {
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond());
        message.set("from", user(userId, firstName, languageCode));
        message.set("chat", JSON.createObjectNode().put("id", userId).put("type", "private").put("first_name", firstName));
        fill.accept(message);
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        return update;
    }

    /** A reply to the bot's message {@code repliedTo} in the private chat of {@code userId}. */
    public static ObjectNode privateReply(long userId, String firstName, String languageCode, long messageId,
                                          long repliedTo, String text) {
        return privateMessage(userId, firstName, languageCode, messageId, message -> {
            message.put("text", text);
            ObjectNode original = message.putObject("reply_to_message").put("message_id", repliedTo)
                    .put("date", Instant.now().getEpochSecond());
            original.set("chat", message.get("chat").deepCopy());
            original.set("from", user(BOT_ID, "Fake desk bot", null).put("is_bot", true));
        });
    }

    /** A message in group {@code chatId} from {@code userId}, replying to the bot's message {@code repliedTo}. */
    public static ObjectNode groupReply(long chatId, long userId, String firstName, long messageId, long repliedTo,
                                        String text) {
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        message.set("from", user(userId, firstName, "en"));
        message.set("chat", JSON.createObjectNode().put("id", chatId).put("type", "supergroup").put("title", "Staff"));
        ObjectNode original = message.putObject("reply_to_message").put("message_id", repliedTo)
                .put("date", Instant.now().getEpochSecond());
        original.set("chat", message.get("chat").deepCopy());
        original.set("from", user(BOT_ID, "Fake desk bot", null).put("is_bot", true));
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        return update;
    }

    /**
     * A text from {@code userId} in forum topic {@code threadId} of group {@code chatId}, as Telegram
     * sends it: a topic message whose reply is the topic's first (service) message, unless it replies to
     * another one.
     */
    public static ObjectNode topicText(long chatId, long threadId, long userId, String firstName, long messageId,
                                       String text) {
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond()).put("text", text)
                .put("message_thread_id", threadId).put("is_topic_message", true);
        message.set("from", user(userId, firstName, "en"));
        message.set("chat", JSON.createObjectNode().put("id", chatId).put("type", "supergroup").put("title", "Staff")
                .put("is_forum", true));
        ObjectNode opening = message.putObject("reply_to_message").put("message_id", threadId)
                .put("date", Instant.now().getEpochSecond()).put("message_thread_id", threadId)
                .put("is_topic_message", true);
        opening.set("chat", message.get("chat").deepCopy());
        opening.set("from", user(BOT_ID, "Fake desk bot", null).put("is_bot", true));
        opening.putObject("forum_topic_created").put("name", "topic").put("icon_color", 7322096);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            message.set("entities", JSON.createArrayNode().add(JSON.createObjectNode()
                    .put("type", "bot_command").put("offset", 0).put("length", end)));
        }
        ObjectNode update = JSON.createObjectNode();
        update.set("message", message);
        return update;
    }

    /** A press by {@code userId} on a button with {@code data} under the bot's message {@code messageId} in group {@code chatId}. */
    public static ObjectNode groupCallback(long chatId, long userId, String firstName, long messageId, String data) {
        ObjectNode update = callback(userId, firstName, "en", messageId, data);
        ((ObjectNode) update.get("callback_query").get("message").get("chat")).put("id", chatId).put("type", "supergroup")
                .put("title", "Staff");
        return update;
    }

    /** A press on a button with {@code data} under the bot's message {@code messageId} in the chat of {@code userId}. */
    public static ObjectNode callback(long userId, String firstName, String languageCode, long messageId, String data) {
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId).put("date", Instant.now().getEpochSecond());
        message.set("chat", JSON.createObjectNode().put("id", userId).put("type", "private"));
        ObjectNode query = JSON.createObjectNode().put("id", "cb-" + System.nanoTime()).put("chat_instance", "1")
                .put("data", data);
        query.set("from", user(userId, firstName, languageCode));
        query.set("message", message);
        ObjectNode update = JSON.createObjectNode();
        update.set("callback_query", query);
        return update;
    }

    // ---- the server ----

    private void route(Context ctx) throws Exception {
        // a call counts from when it arrives, as Telegram counts it, not from when the fake got round to it
        ctx.attribute(ARRIVED, Instant.now());
        String path = ctx.path();
        if (path.equals("/_fake/calls.tsv")) {
            serveLog(ctx);
            return;
        }
        Matcher file = FILE_PATH.matcher(path);
        if (file.matches()) {
            serveFile(ctx, file.group(1), file.group(2));
            return;
        }
        Matcher method = METHOD_PATH.matcher(path);
        if (!method.matches()) {
            ctx.status(404).result("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            return;
        }
        String token = method.group(1);
        String name = method.group(2);
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        ObjectNode params = readParams(ctx, uploads);

        Failure failure = nextFailure(name);
        if (failure != null && failure.delay() != null) {
            Thread.sleep(failure.delay().toMillis());
            failure = null;
        }
        if (failure != null && failure.resetConnection()) {
            record(ctx, name, token, params, uploads, 0, null);
            resetConnection(ctx);
            return;
        }
        if (failure != null && failure.garbageBody()) {
            record(ctx, name, token, params, uploads, failure.status(), null);
            ctx.status(failure.status()).contentType("text/html").result("<html><body>Bad Gateway</body></html>");
            return;
        }
        ObjectNode answer;
        if (!TOKEN.equals(token)) {
            answer = error(401, "Unauthorized", null);
        } else if (failure != null) {
            answer = error(failure.status(), failure.description(), failure.parameters());
            if (failure.retryAfterHeader() != null) {
                ctx.header("Retry-After", failure.retryAfterHeader().toString());
            }
        } else {
            answer = answer(name.toLowerCase(Locale.ROOT), params, uploads);
        }
        int status = answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt(500);
        record(ctx, name, token, params, uploads, status, answer);
        ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(answer));
    }

    /** The record of calls for a process outside this JVM (the benchmark): method, status, chat, time in µs, text. */
    private void serveLog(Context ctx) {
        StringBuilder log = new StringBuilder();
        for (Call call : calls()) {
            String text = call.text() == null ? "" : call.text().replace('\t', ' ').replace('\n', ' ');
            log.append(call.method()).append('\t').append(call.status()).append('\t')
                    .append(call.params().has("chat_id") ? call.chatId() : 0).append('\t')
                    .append(call.at().getEpochSecond() * 1_000_000 + call.at().getNano() / 1_000).append('\t')
                    .append(text).append('\n');
        }
        ctx.contentType("text/tab-separated-values").result(log.toString());
    }

    private void record(Context ctx, String name, String token, JsonNode params, Map<String, byte[]> uploads,
                        int status, JsonNode answer) {
        String host = ctx.header("Host");
        Instant arrived = ctx.attribute(ARRIVED);
        synchronized (lock) {
            calls.add(new Call(name, token, params, Map.copyOf(uploads), arrived == null ? Instant.now() : arrived,
                    status, answer, host == null ? "" : host, Instant.now()));
            lock.notifyAll();
        }
    }

    private Failure nextFailure(String method) {
        synchronized (lock) {
            for (String key : List.of(method.toLowerCase(Locale.ROOT), "*")) {
                Deque<Failure> queue = failures.get(key);
                if (queue != null && !queue.isEmpty()) {
                    return queue.poll();
                }
            }
            return null;
        }
    }

    /** Starts a response longer than what follows, then drops the connection. */
    private static void resetConnection(Context ctx) throws IOException {
        ctx.res().setStatus(200);
        ctx.res().setContentLength(10_000);
        ctx.res().getOutputStream().write("{\"ok\":tr".getBytes(StandardCharsets.UTF_8));
        ctx.res().flushBuffer();
        throw new IOException("connection dropped on purpose by the fake Bot API");
    }

    private ObjectNode readParams(Context ctx, Map<String, byte[]> uploads) throws IOException {
        ObjectNode params = JSON.createObjectNode();
        ctx.queryParamMap().forEach((key, values) -> {
            if (!values.isEmpty()) {
                params.set(key, formValue(values.get(0)));
            }
        });
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            String body = ctx.body();
            if (!body.isBlank()) {
                JsonNode json = JSON.readTree(body);
                if (json.isObject()) {
                    params.setAll((ObjectNode) json);
                }
            }
        } else if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            ctx.formParamMap().forEach((key, values) -> {
                if (!values.isEmpty()) {
                    params.set(key, formValue(values.get(0)));
                }
            });
            if (type.startsWith("multipart/")) {
                for (UploadedFile upload : ctx.uploadedFiles()) {
                    try (InputStream in = upload.content()) {
                        uploads.put(upload.filename(), in.readAllBytes());
                    }
                }
                for (Map.Entry<String, List<UploadedFile>> field : ctx.uploadedFileMap().entrySet()) {
                    for (UploadedFile upload : field.getValue()) {
                        params.put(field.getKey(), "attach://" + upload.filename());
                    }
                }
            }
        }
        return params;
    }

    /** Form values are strings; those that hold JSON (reply_markup, allowed_updates) are read as JSON. */
    private static JsonNode formValue(String value) {
        String trimmed = value.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readTree(trimmed);
            } catch (IOException notJson) {
                // kept as text
            }
        }
        return JSON.getNodeFactory().textNode(value);
    }

    private void serveFile(Context ctx, String token, String filePath) {
        byte[] content;
        synchronized (lock) {
            content = TOKEN.equals(token) ? files.get(filePath.replace("documents/", "")) : null;
        }
        record(ctx, "file", token, JSON.createObjectNode().put("file_path", filePath), Map.of(), content == null ? 404 : 200,
                null);
        if (content == null) {
            ctx.status(404).result("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        } else {
            ctx.contentType("application/octet-stream").result(content);
        }
    }

    private ObjectNode answer(String method, ObjectNode params, Map<String, byte[]> uploads) throws InterruptedException {
        switch (method) {
            case "getchat":
                synchronized (lock) {
                    long chatId = params.path("chat_id").asLong();
                    if (chatId == 0) {
                        return error(400, "Bad Request: chat not found", null);
                    }
                    ObjectNode chat = JSON.createObjectNode().put("id", chatId)
                            .put("type", chatId > 0 ? "private" : "supergroup");
                    if (chatId < 0) {
                        chat.put("title", "Staff");
                    }
                    if (forums.contains(chatId)) {
                        chat.put("is_forum", true);
                    }
                    return ok(chat);
                }
            case "getme":
                return ok(user(BOT_ID, "Fake desk bot", null).put("is_bot", true).put("username", BOT_USERNAME));
            case "getupdates":
                return getUpdates(params);
            case "setwebhook":
                synchronized (lock) {
                    webhook = JSON.createObjectNode().put("url", params.path("url").asText(""))
                            .put("has_custom_certificate", false).put("pending_update_count", 0);
                    if (params.has("allowed_updates")) {
                        webhook.set("allowed_updates", params.get("allowed_updates"));
                    }
                    if (params.has("secret_token")) {
                        // Telegram never shows the secret back; kept aside for tests to read
                        webhook.put("x_secret_token_for_tests", params.get("secret_token").asText());
                    }
                    return ok(JSON.getNodeFactory().booleanNode(true));
                }
            case "deletewebhook":
                synchronized (lock) {
                    webhook = JSON.createObjectNode().put("url", "");
                    if (params.path("drop_pending_updates").asBoolean(false)) {
                        updates.clear();
                    }
                    return ok(JSON.getNodeFactory().booleanNode(true));
                }
            case "getwebhookinfo":
                synchronized (lock) {
                    ObjectNode info = webhook.deepCopy();
                    info.remove("x_secret_token_for_tests");
                    info.put("pending_update_count", updates.size());
                    return ok(info);
                }
            case "setmycommands":
                synchronized (lock) {
                    commands.put(params.path("language_code").asText(""), params.get("commands"));
                    return ok(JSON.getNodeFactory().booleanNode(true));
                }
            case "setchatmenubutton":
                synchronized (lock) {
                    menuButton = params.get("menu_button");
                    return ok(JSON.getNodeFactory().booleanNode(true));
                }
            case "sendmessage":
            case "sendphoto":
            case "senddocument":
                return send(method, params, uploads);
            case "editmessagetext":
            case "editmessagereplymarkup":
                return edit(params);
            case "deletemessage":
            case "answercallbackquery":
            case "sendchataction":
                return ok(JSON.getNodeFactory().booleanNode(true));
            case "createforumtopic":
                return createTopic(params);
            case "editforumtopic":
            case "closeforumtopic":
            case "reopenforumtopic":
            case "deleteforumtopic":
                return changeTopic(method, params);
            case "getfile":
                synchronized (lock) {
                    String id = params.path("file_id").asText();
                    if (!files.containsKey(id)) {
                        return error(400, "Bad Request: invalid file_id", null);
                    }
                    return ok(JSON.createObjectNode().put("file_id", id).put("file_unique_id", "u" + id)
                            .put("file_size", files.get(id).length).put("file_path", "documents/" + id));
                }
            default:
                return error(404, "Not Found", null);
        }
    }

    private ObjectNode getUpdates(ObjectNode params) throws InterruptedException {
        long offset = params.path("offset").asLong(0);
        int timeout = Math.max(0, Math.min(50, params.path("timeout").asInt(0)));
        int limit = Math.max(1, Math.min(100, params.path("limit").asInt(100)));
        synchronized (lock) {
            if (!webhook.path("url").asText("").isEmpty()) {
                return error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook"
                        + " to delete the webhook first", null);
            }
            long generation = ++pollGeneration;
            lock.notifyAll();
            // an offset confirms every update before it: they are gone for good
            if (offset > 0) {
                updates.removeIf(update -> update.get("update_id").asLong() < offset);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
            while (true) {
                if (generation != pollGeneration) {
                    return error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot"
                            + " instance is running", null);
                }
                ArrayNode batch = JSON.createArrayNode();
                for (Iterator<ObjectNode> it = updates.iterator(); it.hasNext() && batch.size() < limit; ) {
                    ObjectNode update = it.next();
                    if (update.get("update_id").asLong() >= offset) {
                        batch.add(update);
                    }
                }
                long left = deadline - System.nanoTime();
                if (!batch.isEmpty() || left <= 0) {
                    return ok(batch);
                }
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    private ObjectNode send(String method, ObjectNode params, Map<String, byte[]> uploads) {
        synchronized (lock) {
            ObjectNode refusal = refuseChat(params);
            if (refusal != null) {
                return refusal;
            }
            long chatId = params.get("chat_id").asLong();
            String text = params.has("text") ? params.get("text").asText() : params.path("caption").asText(null);
            if (method.equals("sendmessage")) {
                if (text == null || text.isBlank()) {
                    return error(400, "Bad Request: message text is empty", null);
                }
                if (text.length() > 4096) {
                    return error(400, "Bad Request: message is too long", null);
                }
            } else if (text != null && text.length() > 1024) {
                return error(400, "Bad Request: message caption is too long", null);
            }
            if (text != null && "HTML".equalsIgnoreCase(params.path("parse_mode").asText()) && !validHtml(text)) {
                return error(400, "Bad Request: can't parse entities: unsupported start tag", null);
            }
            ObjectNode message = newMessage(chatId, params);
            if (text != null) {
                message.put(method.equals("sendmessage") ? "text" : "caption", text);
            }
            if (!method.equals("sendmessage")) {
                String field = method.equals("sendphoto") ? "photo" : "document";
                String value = params.path(field).asText("");
                String fileId;
                if (value.startsWith("attach://")) {
                    String name = value.substring("attach://".length());
                    fileId = "file-" + nextFileId++;
                    files.put(fileId, uploads.getOrDefault(name, new byte[0]));
                    fileNames.put(fileId, name);
                } else if (files.containsKey(value)) {
                    fileId = value;
                } else {
                    return error(400, "Bad Request: wrong file identifier/HTTP URL specified", null);
                }
                ObjectNode document = JSON.createObjectNode().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                        .put("file_name", fileNames.get(fileId)).put("file_size", files.get(fileId).length);
                if (field.equals("photo")) {
                    message.set("photo", JSON.createArrayNode().add(document));
                } else {
                    message.set("document", document);
                }
            }
            messageTexts.put(chatId + "/" + message.get("message_id").asLong(),
                    text + "|" + params.path("reply_markup"));
            return ok(message);
        }
    }

    private ObjectNode refuseChat(ObjectNode params) {
        if (!params.has("chat_id")) {
            return error(400, "Bad Request: chat_id is empty", null);
        }
        long chatId = params.get("chat_id").asLong();
        if (blockedChats.contains(chatId)) {
            return error(403, "Forbidden: bot was blocked by the user", null);
        }
        if (migratedChats.containsKey(chatId)) {
            return error(400, "Bad Request: group chat was upgraded to a supergroup chat",
                    JSON.createObjectNode().put("migrate_to_chat_id", migratedChats.get(chatId)));
        }
        if (params.has("message_thread_id") && forums.contains(chatId)
                && !topics.getOrDefault(chatId, Map.of()).containsKey(params.get("message_thread_id").asLong())) {
            return error(400, "Bad Request: message thread not found", null);
        }
        return null;
    }

    private ObjectNode newMessage(long chatId, ObjectNode params) {
        long messageId = lastMessageId.merge(chatId, 1L, Long::sum);
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond());
        message.set("from", user(BOT_ID, "Fake desk bot", null).put("is_bot", true).put("username", BOT_USERNAME));
        ObjectNode chat = JSON.createObjectNode().put("id", chatId).put("type", chatId > 0 ? "private" : "supergroup");
        if (forums.contains(chatId)) {
            chat.put("is_forum", true);
        }
        message.set("chat", chat);
        if (params.has("message_thread_id")) {
            message.put("message_thread_id", params.get("message_thread_id").asLong()).put("is_topic_message", true);
        }
        if (params.has("reply_markup")) {
            message.set("reply_markup", params.get("reply_markup"));
        }
        return message;
    }

    private ObjectNode edit(ObjectNode params) {
        synchronized (lock) {
            ObjectNode refusal = refuseChat(params);
            if (refusal != null) {
                return refusal;
            }
            String key = params.get("chat_id").asLong() + "/" + params.path("message_id").asLong();
            String before = messageTexts.get(key);
            if (before == null) {
                return error(400, "Bad Request: message to edit not found", null);
            }
            String text = params.has("text") ? params.get("text").asText() : before.substring(0, before.indexOf('|'));
            String after = text + "|" + params.path("reply_markup");
            if (after.equals(before)) {
                return error(400, "Bad Request: message is not modified: specified new message content and reply"
                        + " markup are exactly the same as a current content and reply markup of the message", null);
            }
            messageTexts.put(key, after);
            ObjectNode message = JSON.createObjectNode().put("message_id", params.path("message_id").asLong())
                    .put("date", Instant.now().getEpochSecond()).put("text", text);
            message.set("chat", JSON.createObjectNode().put("id", params.get("chat_id").asLong()));
            return ok(message);
        }
    }

    private ObjectNode createTopic(ObjectNode params) {
        synchronized (lock) {
            long chatId = params.path("chat_id").asLong();
            if (!forums.contains(chatId)) {
                return error(400, "Bad Request: the chat is not a forum", null);
            }
            String name = params.path("name").asText("");
            if (name.isEmpty() || name.length() > 128) {
                return error(400, "Bad Request: TOPIC_NAME_INVALID", null);
            }
            long threadId = nextThreadId++;
            topics.get(chatId).put(threadId, name);
            return ok(JSON.createObjectNode().put("message_thread_id", threadId).put("name", name)
                    .put("icon_color", 7322096));
        }
    }

    private ObjectNode changeTopic(String method, ObjectNode params) {
        synchronized (lock) {
            long chatId = params.path("chat_id").asLong();
            long threadId = params.path("message_thread_id").asLong();
            Map<Long, String> chatTopics = topics.getOrDefault(chatId, Map.of());
            if (!chatTopics.containsKey(threadId)) {
                return error(400, "Bad Request: message thread not found", null);
            }
            String key = chatId + "/" + threadId;
            switch (method) {
                case "editforumtopic" -> {
                    String name = params.path("name").asText(chatTopics.get(threadId));
                    if (name.equals(chatTopics.get(threadId))) {
                        return error(400, "Bad Request: TOPIC_NOT_MODIFIED", null);
                    }
                    topics.get(chatId).put(threadId, name);
                }
                case "closeforumtopic" -> {
                    if (!closedTopics.add(key)) {
                        return error(400, "Bad Request: TOPIC_NOT_MODIFIED", null);
                    }
                }
                case "reopenforumtopic" -> {
                    if (!closedTopics.remove(key)) {
                        return error(400, "Bad Request: TOPIC_NOT_MODIFIED", null);
                    }
                }
                default -> topics.get(chatId).remove(threadId);
            }
            return ok(JSON.getNodeFactory().booleanNode(true));
        }
    }

    /** Telegram's HTML mode: only its tags, and every {@code <} or {@code &} written as an entity. */
    static boolean validHtml(String text) {
        Matcher tag = Pattern.compile("<(/?)([a-zA-Z-]+)[^<>]*>|<|&(?:lt|gt|amp|quot|#\\d+|#x[0-9a-fA-F]+);|&")
                .matcher(text);
        Deque<String> open = new ArrayDeque<>();
        while (tag.find()) {
            String found = tag.group();
            if (found.equals("<") || found.equals("&")) {
                return false;
            }
            if (found.startsWith("&")) {
                continue;
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!HTML_TAGS.contains(name)) {
                return false;
            }
            if (tag.group(1).isEmpty()) {
                open.push(name);
            } else if (open.isEmpty() || !open.pop().equals(name)) {
                return false;
            }
        }
        return open.isEmpty();
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        answer.set("result", result);
        return answer;
    }

    private static ObjectNode error(int code, String description, JsonNode parameters) {
        ObjectNode answer = JSON.createObjectNode().put("ok", false).put("error_code", code)
                .put("description", description);
        if (parameters != null) {
            answer.set("parameters", parameters);
        }
        return answer;
    }

    /** Stops the fake; again is a no-op (a test may take Telegram away before its fixture closes the fake). */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            pollGeneration++;
            lock.notifyAll();
        }
        server.stop();
    }
}
