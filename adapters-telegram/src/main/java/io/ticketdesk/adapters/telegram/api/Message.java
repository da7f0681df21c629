package io.ticketdesk.adapters.telegram.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A message; kinds the bot does not handle (stickers, voice, location) are kept as raw JSON to tell them apart. */
public record Message(long messageId, Integer messageThreadId, User from, Chat senderChat, long date, Chat chat,
                      Message replyToMessage, String text, String caption, List<MessageEntity> entities,
                      List<PhotoSize> photo, Document document, JsonNode sticker, JsonNode voice,
                      JsonNode video, JsonNode audio, JsonNode location, JsonNode contact, String mediaGroupId,
                      Boolean isTopicMessage, InlineKeyboardMarkup replyMarkup, Long migrateToChatId,
                      JsonNode forumTopicCreated) {

    /** The text, or the caption of a photo or document. */
    public String textOrCaption() {
        return text != null ? text : caption;
    }
}
