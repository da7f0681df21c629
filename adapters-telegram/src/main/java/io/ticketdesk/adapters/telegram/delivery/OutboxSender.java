package io.ticketdesk.adapters.telegram.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketdesk.adapters.telegram.api.ApiAnswer;
import io.ticketdesk.adapters.telegram.api.BotApiJson;
import io.ticketdesk.adapters.telegram.api.TelegramBotApi;
import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import io.ticketdesk.adapters.telegram.bot.BotSignals;
import io.ticketdesk.adapters.telegram.bot.Wakeup;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox, on every instance at once without sending anything twice: a sender locks a
 * whole chat ({@code FOR UPDATE SKIP LOCKED} on its row, due by {@code next_send_at}), sends that
 * chat's oldest pending call, records the answer and the chat's next free time, and commits. A
 * sender that dies mid-call leaves the call pending (sent again: a repeated notice beats a lost one).
 */
public final class OutboxSender implements AutoCloseable {

    /** About one message a second per private chat, twenty a minute per group. */
    public static final Duration PRIVATE_GAP = Duration.ofSeconds(1);
    public static final Duration GROUP_GAP = Duration.ofSeconds(3);
    /** Network errors and 5xx: 2, 4, 8... seconds, at most this. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** A post whose topic keeps vanishing is given up after this many topics. */
    private static final int MAX_TOPIC_RETRIES = 3;
    /** A missed signal costs at most this long. */
    private static final Duration SAFETY_SWEEP = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final BotDatabase database;
    private final TelegramBotApi api;
    private final GlobalRate rate;
    private final int workers;
    private final OutgoingFiles files;
    private final List<DeliveryListener> listeners = new CopyOnWriteArrayList<>();
    private final List<CallPreparer> preparers = new CopyOnWriteArrayList<>();
    private final List<Wakeup> wakeups = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public OutboxSender(BotDatabase database, TelegramBotApi api, GlobalRate rate, int workers) {
        this(database, api, rate, workers, OutgoingFiles.NONE);
    }

    /** {@code files}: where calls that send a stored file read it at send time. */
    public OutboxSender(BotDatabase database, TelegramBotApi api, GlobalRate rate, int workers, OutgoingFiles files) {
        this.database = database;
        this.api = api;
        this.rate = rate;
        this.workers = workers;
        this.files = files;
    }

    public void addListener(DeliveryListener listener) {
        listeners.add(listener);
    }

    /** Register before {@link #start()}, so that no call goes out unprepared. */
    public void addPreparer(CallPreparer preparer) {
        preparers.add(preparer);
    }

    public void start() {
        for (int i = 0; i < workers; i++) {
            Wakeup wakeup = new Wakeup();
            wakeups.add(wakeup);
            Thread thread = new Thread(() -> run(wakeup), "telegram-sender-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Something was queued or became due: every worker looks. */
    public void wake() {
        wakeups.forEach(Wakeup::signal);
    }

    private void run(Wakeup wakeup) {
        while (running) {
            try {
                Optional<Duration> idle = sendOne();
                if (idle.isPresent()) {
                    Duration wait = idle.get();
                    wakeup.await(wait.compareTo(SAFETY_SWEEP) > 0 ? SAFETY_SWEEP : wait);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("sending the Telegram outbox failed; trying again in 1 s", e);
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    /** Sends one due call; when none is due, returns how long until one may be (or the safety sweep). */
    Optional<Duration> sendOne() {
        return database.inTransaction(handle -> {
            Optional<Long> chat = handle.createQuery("SELECT c.chat_id FROM telegram_chats c"
                            + " WHERE c.parked_at IS NULL AND c.next_send_at <= clock_timestamp()"
                            + " AND EXISTS (SELECT 1 FROM telegram_outbox o WHERE o.chat_id = c.chat_id AND o.state = 'PENDING')"
                            + " ORDER BY c.next_send_at LIMIT 1 FOR UPDATE OF c SKIP LOCKED")
                    .mapTo(Long.class).findOne();
            if (chat.isEmpty()) {
                return Optional.of(untilNextDue(handle));
            }
            Pending oldest = handle.createQuery("SELECT id, chat_id, method, params::text AS params, ticket_id,"
                            + " reply_in_thread, attempts, file_id, file_reader FROM telegram_outbox"
                            + " WHERE chat_id = :chat AND state = 'PENDING' ORDER BY id LIMIT 1")
                    .bind("chat", chat.get())
                    .map((rows, ctx) -> new Pending(rows.getLong("id"), new OutgoingCall(rows.getLong("chat_id"),
                            rows.getString("method"), parse(rows.getString("params")),
                            rows.getObject("ticket_id", UUID.class), rows.getBoolean("reply_in_thread"),
                            rows.getObject("file_id", UUID.class), rows.getObject("file_reader", UUID.class)),
                            rows.getInt("attempts")))
                    .one();
            Optional<Pending> call = prepare(handle, oldest);
            if (call.isPresent()) {
                send(handle, call.get());
            }
            return Optional.empty();
        });
    }

    /** The call to make this turn: the oldest one, or one a preparer puts first; empty when it was dropped. */
    private Optional<Pending> prepare(Handle handle, Pending oldest) {
        for (CallPreparer preparer : preparers) {
            CallPreparer.Preparation preparation = preparer.prepare(handle, oldest.id(), oldest.call());
            if (preparation instanceof CallPreparer.Skip skip) {
                handle.createUpdate("UPDATE telegram_outbox SET state = 'SKIPPED', failure = :reason WHERE id = :id")
                        .bind("id", oldest.id()).bind("reason", skip.reason()).execute();
                return Optional.empty();
            }
            if (preparation instanceof CallPreparer.First first) {
                return Optional.of(new Pending(first.outboxId(), first.call(), 0));
            }
        }
        return Optional.of(oldest);
    }

    private void send(Handle handle, Pending pending) {
        OutgoingCall call = pending.call();
        ObjectNode params = call.params();
        // inside a forum topic the topic is the thread: no reply to a post that may be in another one
        if (call.replyInThread() && call.ticketId() != null && !params.has("message_thread_id")) {
            handle.createQuery("SELECT message_id FROM telegram_message_tickets WHERE chat_id = :chat AND ticket_id = :ticket"
                            + " ORDER BY created_at DESC, message_id DESC LIMIT 1")
                    .bind("chat", call.chatId()).bind("ticket", call.ticketId())
                    .mapTo(Long.class).findOne()
                    .ifPresent(previous -> params.set("reply_parameters", BotApiJson.mapper().createObjectNode()
                            .put("message_id", previous).put("allow_sending_without_reply", true)));
        }
        if (call.fileId() != null) {
            sendFile(handle, pending, params);
            return;
        }
        waitForRate();
        ApiAnswer answer = api.call(call.method(), params);
        record(handle, pending, answer);
        listeners.forEach(listener -> listener.finished(handle, pending.id(), call, answer));
    }

    private void waitForRate() {
        try {
            rate.acquire();
        } catch (SQLException e) {
            throw new IllegalStateException("the shared send rate could not be reserved", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while waiting for the shared send rate", e);
        }
    }

    /**
     * A stored file: by Telegram's own id for it when it has one (the person sent it, or we uploaded
     * it before), otherwise uploaded from the file store now, its bytes streamed into the request.
     */
    private void sendFile(Handle handle, Pending pending, ObjectNode params) {
        OutgoingCall call = pending.call();
        String field = call.fileField();
        Optional<String> known = handle.createQuery("SELECT telegram_file_id FROM telegram_file_ids"
                        + " WHERE file_id = :file AND kind = :kind")
                .bind("file", call.fileId()).bind("kind", field).mapTo(String.class).findOne();
        ApiAnswer answer;
        if (known.isPresent()) {
            params.put(field, known.get());
            waitForRate();
            answer = api.call(call.method(), params);
            if (answer.kind() == ApiAnswer.Kind.REJECTED) {
                // Telegram no longer knows its id: forget it and upload the file on the next try
                forgetFileId(handle, call.fileId(), field);
                attempted(handle, pending, answer);
                nextSend(handle, call.chatId(), call.chatId() > 0 ? PRIVATE_GAP : GROUP_GAP, false);
                return;
            }
        } else {
            Optional<OutgoingFiles.OutgoingFile> file = call.fileReader() == null ? Optional.empty()
                    : files.open(call.fileId(), call.fileReader());
            if (file.isEmpty()) {
                handle.createUpdate("UPDATE telegram_outbox SET state = 'FAILED', attempts = attempts + 1,"
                                + " failure = 'the file is gone, or its reader may no longer read it' WHERE id = :id")
                        .bind("id", pending.id()).execute();
                return;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            params.properties().forEach(entry -> fields.put(entry.getKey(),
                    entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString()));
            OutgoingFiles.OutgoingFile content = file.get();
            waitForRate();
            answer = api.upload(call.method(), fields, field, content.filename(), content.contentType(),
                    content.size(), content.content());
        }
        if (answer.ok()) {
            telegramFileId(answer, field).ifPresent(id -> handle.createUpdate("INSERT INTO telegram_file_ids"
                            + " (file_id, kind, telegram_file_id) VALUES (:file, :kind, :id)"
                            + " ON CONFLICT (file_id, kind) DO UPDATE SET telegram_file_id = EXCLUDED.telegram_file_id")
                    .bind("file", call.fileId()).bind("kind", field).bind("id", id).execute());
        }
        record(handle, pending, answer);
        ApiAnswer finished = answer;
        listeners.forEach(listener -> listener.finished(handle, pending.id(), call, finished));
    }

    /** The id Telegram gave the photo (its largest size) or document in a sent message. */
    private static Optional<String> telegramFileId(ApiAnswer answer, String field) {
        com.fasterxml.jackson.databind.JsonNode sent = answer.result() == null ? null : answer.result().get(field);
        if (sent == null) {
            return Optional.empty();
        }
        com.fasterxml.jackson.databind.JsonNode file = sent.isArray() ? sent.get(sent.size() - 1) : sent;
        return file == null || !file.hasNonNull("file_id") ? Optional.empty() : Optional.of(file.get("file_id").asText());
    }

    private static void forgetFileId(Handle handle, UUID fileId, String kind) {
        handle.createUpdate("DELETE FROM telegram_file_ids WHERE file_id = :file AND kind = :kind")
                .bind("file", fileId).bind("kind", kind).execute();
    }

    private static void record(Handle handle, Pending pending, ApiAnswer answer) {
        long chat = pending.call().chatId();
        switch (answer.kind()) {
            case OK, NOT_MODIFIED -> {
                Long messageId = answer.messageId().orElse(null);
                handle.createUpdate("UPDATE telegram_outbox SET state = 'SENT', sent_at = clock_timestamp(),"
                                + " attempts = attempts + 1, message_id = :message, failure = NULL WHERE id = :id")
                        .bind("id", pending.id()).bind("message", messageId).execute();
                if (messageId != null && pending.call().ticketId() != null) {
                    handle.createUpdate("INSERT INTO telegram_message_tickets (chat_id, message_id, ticket_id)"
                                    + " VALUES (:chat, :message, :ticket) ON CONFLICT DO NOTHING")
                            .bind("chat", chat).bind("message", messageId).bind("ticket", pending.call().ticketId())
                            .execute();
                }
                nextSend(handle, chat, postsNothing(pending.call().method()) ? Duration.ZERO
                        : chat > 0 ? PRIVATE_GAP : GROUP_GAP, true);
            }
            case THREAD_NOT_FOUND -> {
                if (topicLost(pending)) {
                    // the ticket's topic was deleted: a listener forgets it, and this call goes into a new one
                    attempted(handle, pending, answer);
                    nextSend(handle, chat, Duration.ZERO, false);
                } else {
                    failed(handle, pending, answer);
                }
            }
            case RETRY_AFTER -> {
                attempted(handle, pending, answer);
                nextSend(handle, chat, Duration.ofSeconds(answer.retryAfterSeconds()), false);
            }
            case UNAVAILABLE -> {
                attempted(handle, pending, answer);
                int failures = handle.createQuery("UPDATE telegram_chats SET failures = failures + 1 WHERE chat_id = :chat"
                        + " RETURNING failures").bind("chat", chat).mapTo(Integer.class).one();
                long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(failures, 10));
                nextSend(handle, chat, Duration.ofSeconds(seconds), false);
            }
            case FORBIDDEN -> {
                attempted(handle, pending, answer);
                handle.createUpdate("UPDATE telegram_chats SET parked_at = clock_timestamp(), park_reason = :reason"
                        + " WHERE chat_id = :chat").bind("chat", chat).bind("reason", answer.description()).execute();
                LOG.info("chat {} refuses the bot ({}); its calls wait until the person writes again", chat,
                        answer.description());
            }
            case CHAT_MIGRATED -> {
                long moved = answer.migrateToChatId();
                handle.createUpdate("INSERT INTO telegram_chats (chat_id) VALUES (:chat) ON CONFLICT DO NOTHING")
                        .bind("chat", moved).execute();
                handle.createUpdate("UPDATE telegram_outbox SET chat_id = :moved,"
                                + " params = jsonb_set(params, '{chat_id}', to_jsonb(CAST(:moved AS bigint)))"
                                + " WHERE chat_id = :chat AND state = 'PENDING'")
                        .bind("chat", chat).bind("moved", moved).execute();
                handle.createUpdate("UPDATE telegram_chats SET migrated_to = :moved WHERE chat_id = :chat")
                        .bind("chat", chat).bind("moved", moved).execute();
                BotSignals.notify(handle, BotSignals.OUTBOX);
                LOG.info("chat {} became {}; its calls follow it", chat, moved);
            }
            default -> failed(handle, pending, answer);
        }
    }

    /** This request will never work as it is: recorded, and the chat's next call goes on. */
    private static void failed(Handle handle, Pending pending, ApiAnswer answer) {
        handle.createUpdate("UPDATE telegram_outbox SET state = 'FAILED', attempts = attempts + 1,"
                        + " failure = :failure WHERE id = :id")
                .bind("id", pending.id()).bind("failure", reason(answer)).execute();
        LOG.warn("Telegram refused {} to chat {}: {}", pending.call().method(), pending.call().chatId(),
                answer.description());
    }

    /** A post about a ticket whose topic is gone: worth sending again (a few times) into a new topic. */
    private static boolean topicLost(Pending pending) {
        OutgoingCall call = pending.call();
        return call.ticketId() != null && call.params().has("message_thread_id")
                && !ForumTopics.TOPIC_METHODS.contains(call.method()) && pending.attempts() < MAX_TOPIC_RETRIES;
    }

    /** Calls that show nothing in the chat do not count against its pace. */
    private static boolean postsNothing(String method) {
        return method.equalsIgnoreCase("getChat") || method.equalsIgnoreCase("answerCallbackQuery");
    }

    private static void attempted(Handle handle, Pending pending, ApiAnswer answer) {
        handle.createUpdate("UPDATE telegram_outbox SET attempts = attempts + 1, failure = :failure WHERE id = :id")
                .bind("id", pending.id()).bind("failure", reason(answer)).execute();
    }

    private static String reason(ApiAnswer answer) {
        String text = answer.kind() + (answer.httpStatus() > 0 ? " " + answer.httpStatus() : "")
                + (answer.description() == null ? "" : ": " + answer.description());
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static void nextSend(Handle handle, long chat, Duration gap, boolean resetFailures) {
        handle.createUpdate("UPDATE telegram_chats SET next_send_at = clock_timestamp() + make_interval(secs => :gap)"
                        + (resetFailures ? ", failures = 0" : "") + " WHERE chat_id = :chat")
                .bind("chat", chat).bind("gap", gap.toMillis() / 1000.0).execute();
    }

    private static Duration untilNextDue(Handle handle) {
        Optional<Double> seconds = handle.createQuery("SELECT extract(epoch FROM min(c.next_send_at) - clock_timestamp())"
                        + " FROM telegram_chats c WHERE c.parked_at IS NULL"
                        + " AND EXISTS (SELECT 1 FROM telegram_outbox o WHERE o.chat_id = c.chat_id AND o.state = 'PENDING')")
                .mapTo(Double.class).findOne();
        if (seconds.isEmpty()) {
            return SAFETY_SWEEP;
        }
        // a chat locked by another sender counts as due now: look again shortly rather than spin
        double wait = Math.max(0.02, seconds.get());
        return Duration.ofMillis((long) (wait * 1000));
    }

    private static ObjectNode parse(String params) {
        try {
            return (ObjectNode) BotApiJson.mapper().readTree(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox row holds unreadable parameters", e);
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(long id, OutgoingCall call, int attempts) {
    }

    @Override
    public void close() {
        running = false;
        // a call in flight is let finish and recorded, so a clean stop never sends anything twice
        wake();
        for (Thread thread : threads) {
            try {
                thread.join(TelegramBotApi.CALL_TIMEOUT.toMillis() + 2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread.interrupt();
        }
        rate.close();
    }
}
