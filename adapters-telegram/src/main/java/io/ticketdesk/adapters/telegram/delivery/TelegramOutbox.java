package io.ticketdesk.adapters.telegram.delivery;

import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import io.ticketdesk.adapters.telegram.bot.BotSignals;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Writes outgoing calls in the current transaction (the change that causes them), so they are sent
 * if and only if that change commits; the senders hear of them by a signal sent on commit.
 */
public final class TelegramOutbox {

    private final BotDatabase database;

    public TelegramOutbox(BotDatabase database) {
        this.database = database;
    }

    public void enqueue(List<OutgoingCall> calls) {
        if (calls.isEmpty()) {
            return;
        }
        database.inTransaction(handle -> {
            for (OutgoingCall call : calls) {
                insert(handle, call);
            }
            BotSignals.notify(handle, BotSignals.OUTBOX);
            return null;
        });
    }

    public void enqueue(OutgoingCall call) {
        enqueue(List.of(call));
    }

    /** Writes one call in {@code handle}'s transaction; returns its outbox id. */
    static long insert(Handle handle, OutgoingCall call) {
        long chatId = currentChatId(handle, call.chatId());
        if (chatId != call.chatId()) {
            call.params().put("chat_id", chatId);
        }
        // DO NOTHING neither waits for nor takes the row lock a sender may hold on the chat
        handle.createUpdate("INSERT INTO telegram_chats (chat_id) VALUES (:chat) ON CONFLICT (chat_id) DO NOTHING")
                .bind("chat", chatId).execute();
        return handle.createQuery("INSERT INTO telegram_outbox (chat_id, method, params, ticket_id, reply_in_thread,"
                        + " file_id, file_reader) VALUES (:chat, :method, CAST(:params AS jsonb), :ticket, :thread,"
                        + " :file, :reader) RETURNING id")
                .bind("chat", chatId)
                .bind("method", call.method())
                .bind("params", call.params().toString())
                .bind("ticket", call.ticketId())
                .bind("thread", call.replyInThread())
                .bind("file", call.fileId())
                .bind("reader", call.fileReader())
                .mapTo(Long.class).one();
    }

    /** A group that became a supergroup is written to under its new id. */
    private static long currentChatId(Handle handle, long chatId) {
        long current = chatId;
        for (int hops = 0; hops < 3; hops++) {
            Optional<Long> next = handle.createQuery("SELECT migrated_to FROM telegram_chats WHERE chat_id = :chat")
                    .bind("chat", current).mapTo(Long.class).findOne();
            if (next.isEmpty() || next.get() == null) {
                return current;
            }
            current = next.get();
        }
        return current;
    }
}
