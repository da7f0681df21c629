package io.ticketdesk.adapters.telegram.dialogue;

import io.ticketdesk.adapters.telegram.api.CallbackQuery;
import io.ticketdesk.adapters.telegram.api.Message;
import io.ticketdesk.adapters.telegram.api.TelegramBotApi;
import io.ticketdesk.adapters.telegram.api.Update;
import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import io.ticketdesk.adapters.telegram.delivery.OutgoingCall;
import io.ticketdesk.adapters.telegram.delivery.TelegramOutbox;
import io.ticketdesk.adapters.telegram.receiving.UpdateHandler;
import io.ticketdesk.domain.users.TelegramIdentity;
import io.ticketdesk.domain.users.User;
import io.ticketdesk.domain.users.UserBlockedException;
import java.net.URI;
import java.util.Optional;

/**
 * The bot's side of the conversation: who wrote, in which language, and what to do with it.
 * Updates from bots, edits, channel posts and chats other than private ones are left alone.
 */
public final class TelegramDialogue implements UpdateHandler {

    private final DeskPorts desk;
    private final TelegramOutbox outbox;
    private final Conversations conversations;
    private final PrivateDialogue privateChats;
    private final Optional<StaffGroupDialogue> staffGroup;

    /**
     * {@code staffChatId}: the staff group, spoken to in {@code staffLanguage} (one language for the whole
     * team); messages in any other group are ignored.
     */
    public TelegramDialogue(BotDatabase database, DeskPorts desk, TelegramOutbox outbox, TelegramBotApi api,
                            Optional<URI> webAppUrl, Optional<Long> staffChatId, Language staffLanguage) {
        this.desk = desk;
        this.outbox = outbox;
        this.conversations = new Conversations(database);
        ChatLimits limits = new ChatLimits(desk.rateLimits(), database, outbox);
        this.privateChats = new PrivateDialogue(database, desk, outbox, conversations, api, webAppUrl, limits);
        this.staffGroup = staffChatId.map(chat -> new StaffGroupDialogue(desk, outbox, conversations,
                new TicketChats(database), chat, limits, staffLanguage));
    }

    @Override
    public void handle(Update update) {
        if (update.message() != null) {
            Message message = update.message();
            if (staffGroup.isPresent() && message.chat().id() == staffGroup.get().chatId()) {
                if (message.from() != null && (!message.from().isBot() || message.senderChat() != null)) {
                    staffGroup.get().onMessage(message, this::member);
                }
                return;
            }
            if (message.from() == null || message.from().isBot() || !message.chat().isPrivate()) {
                return;
            }
            Language language = Language.of(message.from().languageCode());
            identify(message.from(), message.chat().id(), language)
                    .ifPresent(user -> privateChats.onMessage(message, user, language));
        } else if (update.callbackQuery() != null) {
            CallbackQuery query = update.callbackQuery();
            if (query.from().isBot()) {
                return;
            }
            if (staffGroup.isPresent() && query.message() != null && query.message().chat().id() == staffGroup.get().chatId()) {
                staffGroup.get().onCallback(query, this::member);
                return;
            }
            if (query.message() != null && !query.message().chat().isPrivate()) {
                return;
            }
            Language language = Language.of(query.from().languageCode());
            identify(query.from(), query.from().id(), language)
                    .ifPresent(user -> privateChats.onCallback(query, user, language));
        }
        // edited messages: the ticket keeps what was first sent (its history would otherwise change under staff)
    }

    /** A group member's desk account; blocked people are simply not members here (no refusal in the group). */
    private Optional<User> member(io.ticketdesk.adapters.telegram.api.User from) {
        try {
            return Optional.of(desk.callers().identify(identity(from)));
        } catch (UserBlockedException blocked) {
            return Optional.empty();
        }
    }

    private static TelegramIdentity identity(io.ticketdesk.adapters.telegram.api.User from) {
        return new TelegramIdentity(from.id(), from.firstName() == null || from.firstName().isBlank() ? "?" : from.firstName(),
                from.lastName(), from.username(), from.languageCode());
    }

    /** The desk's account of the writer; a blocked person gets one polite refusal, then silence. */
    private Optional<User> identify(io.ticketdesk.adapters.telegram.api.User from, long chat, Language language) {
        try {
            return Optional.of(desk.callers().identify(identity(from)));
        } catch (UserBlockedException blocked) {
            Conversation state = conversations.get(chat);
            if (!state.blockedNoticeSent()) {
                conversations.put(chat, state.withBlockedNotice(true));
                outbox.enqueue(OutgoingCall.text(chat, null, BotTexts.get(language, "blocked"), "", null, null, false));
            }
            return Optional.empty();
        }
    }
}
