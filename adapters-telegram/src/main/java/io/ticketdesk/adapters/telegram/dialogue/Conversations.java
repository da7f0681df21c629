package io.ticketdesk.adapters.telegram.dialogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ticketdesk.adapters.telegram.api.BotApiJson;
import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import java.util.Optional;

/** The dialogue state of each chat, in the bot's own table. */
public final class Conversations {

    private final BotDatabase database;

    public Conversations(BotDatabase database) {
        this.database = database;
    }

    /**
     * The chat's state, locked for the rest of the transaction handling its update. A chat seen for
     * the first time gets its row here: having one means the person wrote to the bot, so the bot may
     * write to them.
     */
    public Conversation get(long chatId) {
        Optional<String> json = database.inTransaction(handle -> {
            handle.createUpdate("INSERT INTO telegram_conversations (chat_id, state) VALUES (:chat, '{}')"
                    + " ON CONFLICT (chat_id) DO NOTHING").bind("chat", chatId).execute();
            return handle.createQuery("SELECT state::text FROM telegram_conversations WHERE chat_id = :chat FOR UPDATE")
                    .bind("chat", chatId).mapTo(String.class).findOne();
        });
        if (json.isEmpty()) {
            return Conversation.none();
        }
        try {
            return BotApiJson.mapper().readValue(json.get(), Conversation.class);
        } catch (JsonProcessingException unreadable) {
            // a state written by an older version that no longer reads: start over rather than fail the chat
            return Conversation.none();
        }
    }

    public void put(long chatId, Conversation conversation) {
        String json;
        try {
            json = BotApiJson.mapper().writeValueAsString(conversation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        database.inTransaction(handle -> handle.createUpdate("INSERT INTO telegram_conversations (chat_id, state)"
                        + " VALUES (:chat, CAST(:state AS jsonb)) ON CONFLICT (chat_id)"
                        + " DO UPDATE SET state = EXCLUDED.state, updated_at = clock_timestamp()")
                .bind("chat", chatId).bind("state", json).execute());
    }
}
