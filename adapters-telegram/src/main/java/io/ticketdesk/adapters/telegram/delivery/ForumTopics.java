package io.ticketdesk.adapters.telegram.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketdesk.adapters.telegram.api.ApiAnswer;
import io.ticketdesk.adapters.telegram.api.BotApiJson;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One forum topic per ticket in the staff group, kept by the sender: before a post about a ticket
 * goes out it learns whether the group is a forum ({@code getChat}, once), has the ticket's topic
 * made ({@code createForumTopic}, queued in the chat's turn like any call, so paced as Telegram
 * wants), and sends the post into it; when Telegram says the topic is gone, the topic is forgotten
 * and the post goes again into a new one. The notifier says what each topic should be called and
 * whether it is closed ({@link #want}); plain groups get plain posts.
 */
public final class ForumTopics implements CallPreparer, DeliveryListener {

    /** Calls that change a topic; about a ticket without a topic there is nothing for them to change. */
    public static final Set<String> TOPIC_METHODS = Set.of("editForumTopic", "closeForumTopic", "reopenForumTopic");
    /** Telegram's limit on a topic's name, in UTF-16 units. */
    public static final int NAME_LIMIT = 128;
    private static final Logger LOG = LoggerFactory.getLogger(ForumTopics.class);

    private final long staffChat;

    /** {@code staffChat}: the staff group as configured (topics are kept under this id even if it migrates). */
    public ForumTopics(long staffChat) {
        this.staffChat = staffChat;
    }

    // ---- what the notifier and the dialogue use, in their own transactions ----

    /** What a ticket's topic should show. */
    public record Meant(String name, boolean closed) {
    }

    /** What the ticket's topic should be; returns what it was meant to be before (empty: no topic was meant yet). */
    public static Optional<Meant> want(Handle handle, long chat, UUID ticket, String name, boolean closed) {
        chatFirst(handle, chat);
        Optional<Meant> before = handle.createQuery("SELECT name, closed FROM telegram_forum_topics"
                        + " WHERE chat_id = :chat AND ticket_id = :ticket FOR UPDATE")
                .bind("chat", chat).bind("ticket", ticket)
                .map((rows, ctx) -> new Meant(rows.getString("name"), rows.getBoolean("closed"))).findOne();
        handle.createUpdate("INSERT INTO telegram_forum_topics (chat_id, ticket_id, name, closed)"
                        + " VALUES (:chat, :ticket, :name, :closed) ON CONFLICT (chat_id, ticket_id)"
                        + " DO UPDATE SET name = excluded.name, closed = excluded.closed, updated_at = clock_timestamp()")
                .bind("chat", chat).bind("ticket", ticket).bind("name", name).bind("closed", closed).execute();
        return before;
    }

    /** As {@link #want}, but leaves a topic already meant alone. */
    public static void ensure(Handle handle, long chat, UUID ticket, String name, boolean closed) {
        chatFirst(handle, chat);
        handle.createUpdate("INSERT INTO telegram_forum_topics (chat_id, ticket_id, name, closed)"
                        + " VALUES (:chat, :ticket, :name, :closed) ON CONFLICT (chat_id, ticket_id) DO NOTHING")
                .bind("chat", chat).bind("ticket", ticket).bind("name", name).bind("closed", closed).execute();
    }

    /** Marks a topic meant to be open as closed; false when there is none such. */
    public static boolean meanClosed(Handle handle, long chat, UUID ticket) {
        chatFirst(handle, chat);
        return handle.createUpdate("UPDATE telegram_forum_topics SET closed = true, updated_at = clock_timestamp()"
                        + " WHERE chat_id = :chat AND ticket_id = :ticket AND NOT closed")
                .bind("chat", chat).bind("ticket", ticket).execute() > 0;
    }

    /**
     * Touches the chat's row before the topic's, the order the sender takes them in (chat locked,
     * then the topic written), so the two never wait for each other in a circle.
     */
    private static void chatFirst(Handle handle, long chat) {
        handle.createUpdate("INSERT INTO telegram_chats (chat_id) VALUES (:chat) ON CONFLICT (chat_id) DO NOTHING")
                .bind("chat", chat).execute();
    }

    /** True when Telegram told us the group is no forum: no topics to keep for it. */
    public static boolean knownPlain(Handle handle, long chat) {
        return handle.createQuery("SELECT is_forum FROM telegram_chats WHERE chat_id = :chat")
                .bind("chat", chat).mapTo(Boolean.class).findOne().map(forum -> !forum).orElse(false);
    }

    /** What an update from the group says it is (a group made a forum, or back, is noticed this way). */
    public static void learnForum(Handle handle, long chat, boolean forum) {
        // neither statement waits for a sender holding the chat's row unless the answer changes
        handle.createUpdate("INSERT INTO telegram_chats (chat_id, is_forum) VALUES (:chat, :forum)"
                + " ON CONFLICT (chat_id) DO NOTHING").bind("chat", chat).bind("forum", forum).execute();
        handle.createUpdate("UPDATE telegram_chats SET is_forum = :forum WHERE chat_id = :chat"
                + " AND is_forum IS DISTINCT FROM :forum").bind("chat", chat).bind("forum", forum).execute();
    }

    /** The ticket whose topic {@code threadId} is. */
    public static Optional<UUID> ticketOfThread(Handle handle, long chat, long threadId) {
        return handle.createQuery("SELECT ticket_id FROM telegram_forum_topics WHERE chat_id = :chat AND thread_id = :thread")
                .bind("chat", chat).bind("thread", threadId).mapTo(UUID.class).findOne();
    }

    /** "✅ #1042 Title", cut to Telegram's limit without splitting a character. */
    public static String name(String marker, long number, String title) {
        String name = (marker == null || marker.isEmpty() ? "" : marker + " ") + "#" + number + " "
                + (title == null ? "" : title.strip().replaceAll("\\s+", " "));
        name = name.strip();
        if (name.length() <= NAME_LIMIT) {
            return name;
        }
        int end = NAME_LIMIT - 1;
        if (Character.isHighSurrogate(name.charAt(end - 1))) {
            end--;
        }
        return name.substring(0, end) + "…";
    }

    // ---- the sender's side ----

    @Override
    public Preparation prepare(Handle handle, long outboxId, OutgoingCall call) {
        if (!isStaffChat(handle, call.chatId()) || call.ticketId() == null || call.method().equalsIgnoreCase("getChat")) {
            return SEND;
        }
        Optional<Topic> topic = topic(handle, call.ticketId());
        if (call.method().equalsIgnoreCase("createForumTopic")) {
            // queued earlier, e.g. before a 429: not again once the ticket has its topic
            if (topic.isPresent() && topic.get().threadId() != null) {
                return new Skip("the ticket has its topic");
            }
            topic.ifPresent(wanted -> call.params().put("name", wanted.name()));
            return SEND;
        }
        boolean changesTopic = TOPIC_METHODS.contains(call.method());
        if (!changesTopic && !posts(call.method())) {
            return SEND;
        }
        Optional<Boolean> forum = handle.createQuery("SELECT is_forum FROM telegram_chats WHERE chat_id = :chat")
                .bind("chat", call.chatId()).mapTo(Boolean.class).findOne();
        if (forum.isEmpty() || forum.get() == null) {
            ObjectNode params = BotApiJson.mapper().createObjectNode().put("chat_id", call.chatId());
            return first(handle, new OutgoingCall(call.chatId(), "getChat", params, null, false));
        }
        if (!forum.get()) {
            return changesTopic ? new Skip("the staff group is not a forum") : SEND;
        }
        if (topic.isEmpty()) {
            // a ticket no topic was ever meant for (posted before the bot knew it): the General topic
            return changesTopic ? new Skip("no topic is meant for this ticket") : SEND;
        }
        if (topic.get().threadId() == null) {
            if (changesTopic) {
                return new Skip("the topic is not made yet; it will be made with its current name and state");
            }
            ObjectNode params = BotApiJson.mapper().createObjectNode().put("chat_id", call.chatId())
                    .put("name", topic.get().name());
            return first(handle, new OutgoingCall(call.chatId(), "createForumTopic", params, call.ticketId(), false));
        }
        call.params().put("message_thread_id", topic.get().threadId());
        if (call.method().equals("editForumTopic")) {
            // the latest name, whichever rename this is
            call.params().put("name", topic.get().name());
        }
        return SEND;
    }

    @Override
    public void finished(Handle handle, long outboxId, OutgoingCall call, ApiAnswer answer) {
        if (!isStaffChat(handle, call.chatId())) {
            return;
        }
        if (call.method().equalsIgnoreCase("getChat")) {
            if (answer.ok() || answer.kind() == ApiAnswer.Kind.REJECTED) {
                boolean forum = answer.ok() && answer.result() != null && answer.result().path("is_forum").asBoolean(false);
                setForum(handle, call.chatId(), forum);
                LOG.info("the staff group {} is {}", call.chatId(), forum ? "a forum: one topic per ticket" : "no forum: plain posts");
            }
        } else if (call.method().equalsIgnoreCase("createForumTopic") && call.ticketId() != null) {
            if (answer.ok()) {
                long thread = answer.result().path("message_thread_id").asLong();
                boolean closed = handle.createQuery("UPDATE telegram_forum_topics SET thread_id = :thread,"
                                + " updated_at = clock_timestamp() WHERE chat_id = :chat AND ticket_id = :ticket RETURNING closed")
                        .bind("chat", staffChat).bind("ticket", call.ticketId()).bind("thread", thread)
                        .mapTo(Boolean.class).findOne().orElse(false);
                if (closed) {
                    // made for a post about a closed ticket: closed again after it
                    ObjectNode params = BotApiJson.mapper().createObjectNode().put("chat_id", call.chatId());
                    TelegramOutbox.insert(handle, new OutgoingCall(call.chatId(), "closeForumTopic", params,
                            call.ticketId(), false));
                }
            } else if (answer.kind() == ApiAnswer.Kind.REJECTED) {
                // not a forum (any more), or no right to manage topics: posts go plain until the group says otherwise
                setForum(handle, call.chatId(), false);
                LOG.warn("Telegram refused to make a topic in the staff group ({}); posting without topics",
                        answer.description());
            }
        } else if (answer.kind() == ApiAnswer.Kind.THREAD_NOT_FOUND && call.ticketId() != null
                && call.params().has("message_thread_id")) {
            handle.createUpdate("UPDATE telegram_forum_topics SET thread_id = NULL, updated_at = clock_timestamp()"
                            + " WHERE chat_id = :chat AND ticket_id = :ticket AND thread_id = :thread")
                    .bind("chat", staffChat).bind("ticket", call.ticketId())
                    .bind("thread", call.params().get("message_thread_id").asLong()).execute();
            LOG.info("the topic of a ticket was deleted in the staff group; a new one is made for its next post");
        }
    }

    private static void setForum(Handle handle, long chat, boolean forum) {
        handle.createUpdate("UPDATE telegram_chats SET is_forum = :forum WHERE chat_id = :chat")
                .bind("chat", chat).bind("forum", forum).execute();
    }

    private Optional<Topic> topic(Handle handle, UUID ticket) {
        return handle.createQuery("SELECT name, thread_id FROM telegram_forum_topics WHERE chat_id = :chat AND ticket_id = :ticket")
                .bind("chat", staffChat).bind("ticket", ticket)
                .map((rows, ctx) -> new Topic(rows.getString("name"), rows.getObject("thread_id", Long.class)))
                .findOne();
    }

    /** The pending call of that kind if one waits already (e.g. after a 429), else a new one in the outbox. */
    private static Preparation first(Handle handle, OutgoingCall call) {
        Optional<Long> waiting = handle.createQuery("SELECT id FROM telegram_outbox WHERE chat_id = :chat"
                        + " AND state = 'PENDING' AND method = :method AND ticket_id IS NOT DISTINCT FROM :ticket"
                        + " ORDER BY id LIMIT 1")
                .bind("chat", call.chatId()).bind("method", call.method()).bind("ticket", call.ticketId())
                .mapTo(Long.class).findOne();
        long id = waiting.orElseGet(() -> TelegramOutbox.insert(handle, call));
        return new First(id, call);
    }

    /** The staff group, under the id it has now (a group that became a supergroup has another). */
    private boolean isStaffChat(Handle handle, long chat) {
        if (chat == staffChat) {
            return true;
        }
        long current = staffChat;
        for (int hops = 0; hops < 3; hops++) {
            Optional<Long> next = handle.createQuery("SELECT migrated_to FROM telegram_chats WHERE chat_id = :chat")
                    .bind("chat", current).mapTo(Long.class).findOne();
            if (next.isEmpty() || next.get() == null) {
                return false;
            }
            current = next.get();
            if (current == chat) {
                return true;
            }
        }
        return false;
    }

    /** Calls that put something in the chat, which belongs in the ticket's topic. */
    private static boolean posts(String method) {
        String lower = method.toLowerCase(Locale.ROOT);
        return lower.startsWith("send") && !lower.equals("sendchataction") || lower.equals("copymessage")
                || lower.equals("forwardmessage");
    }

    private record Topic(String name, Long threadId) {
    }
}
