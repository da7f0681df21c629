package io.ticketdesk.adapters.telegram.dialogue;

import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import io.ticketdesk.adapters.telegram.delivery.ForumTopics;
import io.ticketdesk.domain.DomainException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** What both dialogues need of the database: which ticket a chat message is about, and use cases in savepoints. */
final class TicketChats {

    private final BotDatabase database;

    TicketChats(BotDatabase database) {
        this.database = database;
    }

    /** The ticket the bot's message {@code messageId} in {@code chat} was about. */
    Optional<UUID> ticketOf(long chat, long messageId) {
        return database.inTransaction(handle -> handle.createQuery("SELECT ticket_id FROM telegram_message_tickets"
                        + " WHERE chat_id = :chat AND message_id = :message")
                .bind("chat", chat).bind("message", messageId).mapTo(UUID.class).findOne());
    }

    /** The ticket whose forum topic {@code threadId} of the staff group {@code chat} is. */
    Optional<UUID> ticketOfTopic(long chat, long threadId) {
        return database.inTransaction(handle -> ForumTopics.ticketOfThread(handle, chat, threadId));
    }

    /** What an update from a group says of it: whether it is a forum. */
    void learnForum(long chat, boolean forum) {
        database.inTransaction(handle -> {
            ForumTopics.learnForum(handle, chat, forum);
            return null;
        });
    }

    /**
     * Runs one use case so that its refusal undoes its own writes and nothing else: the update's
     * transaction goes on (to answer and to mark the update handled).
     */
    <T> T useCase(Supplier<T> call) {
        return database.inTransaction(handle -> {
            String savepoint = "bot_use_case";
            handle.savepoint(savepoint);
            try {
                T result = call.get();
                handle.release(savepoint);
                return result;
            } catch (DomainException refused) {
                handle.rollbackToSavepoint(savepoint);
                throw refused;
            }
        });
    }
}
