package io.ticketdesk.adapters.telegram.api;

/** One incoming update; exactly one of the optional parts is set. */
public record Update(long updateId, Message message, Message editedMessage, Message channelPost,
                     CallbackQuery callbackQuery, ChatMemberUpdated myChatMember) {

    /** The chat the update belongs to (for per-chat ordering), or 0 when it has none. */
    public long chatId() {
        if (message != null) {
            return message.chat().id();
        }
        if (editedMessage != null) {
            return editedMessage.chat().id();
        }
        if (channelPost != null) {
            return channelPost.chat().id();
        }
        if (callbackQuery != null && callbackQuery.message() != null) {
            return callbackQuery.message().chat().id();
        }
        if (callbackQuery != null) {
            return callbackQuery.from().id();
        }
        if (myChatMember != null) {
            return myChatMember.chat().id();
        }
        return 0;
    }
}
