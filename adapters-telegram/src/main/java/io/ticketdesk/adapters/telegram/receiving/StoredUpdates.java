package io.ticketdesk.adapters.telegram.receiving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.adapters.telegram.api.BotApiJson;
import io.ticketdesk.adapters.telegram.api.Update;
import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import io.ticketdesk.adapters.telegram.bot.BotSignals;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The table of received updates: stored once by {@code update_id}, handled once from there. */
public final class StoredUpdates {

    private final BotDatabase database;

    public StoredUpdates(BotDatabase database) {
        this.database = database;
    }

    /** The offset the next getUpdates asks for. */
    public long nextOffset() {
        return database.inTransaction(handle -> handle.createQuery("SELECT next_offset FROM telegram_poll_state WHERE id = 1")
                .mapTo(Long.class).one());
    }

    /** Stores a polled batch and advances the offset past it, in one commit. Returns how many were new. */
    public int storePolled(List<JsonNode> updates) {
        return database.inTransaction(handle -> {
            int stored = 0;
            long next = 0;
            for (JsonNode update : updates) {
                long id = update.path("update_id").asLong();
                next = Math.max(next, id + 1);
                stored += insert(handle, update);
            }
            handle.createUpdate("UPDATE telegram_poll_state SET next_offset = GREATEST(next_offset, :next) WHERE id = 1")
                    .bind("next", next).execute();
            if (stored > 0) {
                BotSignals.notify(handle, BotSignals.UPDATES);
            }
            return stored;
        });
    }

    /** Stores one update that came by webhook; false when that {@code update_id} was already stored. */
    public boolean storeDelivered(JsonNode update) {
        return database.inTransaction(handle -> {
            boolean stored = insert(handle, update) > 0;
            if (stored) {
                BotSignals.notify(handle, BotSignals.UPDATES);
            }
            return stored;
        });
    }

    private static int insert(Handle handle, JsonNode update) {
        long chatId = read(update).map(Update::chatId).orElse(0L);
        int inserted = handle.createUpdate("INSERT INTO telegram_updates (update_id, chat_id, payload)"
                        + " VALUES (:id, :chat, CAST(:payload AS jsonb)) ON CONFLICT (update_id) DO NOTHING")
                .bind("id", update.path("update_id").asLong())
                .bind("chat", chatId)
                .bind("payload", update.toString())
                .execute();
        if (inserted > 0 && chatId != 0 && writtenByPerson(update)) {
            // a person writing again lifts the pause their earlier block put on the chat
            int unparked = handle.createUpdate("UPDATE telegram_chats SET parked_at = NULL, park_reason = NULL,"
                    + " next_send_at = clock_timestamp() WHERE chat_id = :chat AND parked_at IS NOT NULL")
                    .bind("chat", chatId).execute();
            if (unparked > 0) {
                BotSignals.notify(handle, BotSignals.OUTBOX);
            }
        }
        return inserted;
    }

    private static boolean writtenByPerson(JsonNode update) {
        return update.has("message") || update.has("callback_query")
                || update.path("my_chat_member").path("new_chat_member").path("status").asText().equals("member");
    }

    static Optional<Update> read(JsonNode update) {
        try {
            return Optional.of(BotApiJson.mapper().treeToValue(update, Update.class));
        } catch (JsonProcessingException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
