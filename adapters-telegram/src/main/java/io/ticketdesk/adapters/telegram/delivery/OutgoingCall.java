package io.ticketdesk.adapters.telegram.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketdesk.adapters.telegram.api.BotApiJson;
import io.ticketdesk.adapters.telegram.api.InlineKeyboardMarkup;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One Bot API call waiting in the outbox.
 *
 * @param ticketId the ticket the message is about: a sent message is then mapped to it (replies join the ticket)
 * @param replyInThread reply to the last message about the same ticket in that chat, so notices read as a thread
 * @param fileId a stored file this call sends (sendPhoto, sendDocument): read at send time, never kept in the row
 * @param fileReader the person as whom the sender reads that file (the recipient), so access is checked again then
 */
public record OutgoingCall(long chatId, String method, ObjectNode params, UUID ticketId, boolean replyInThread,
                           UUID fileId, UUID fileReader) {

    /** A call that sends no stored file. */
    public OutgoingCall(long chatId, String method, ObjectNode params, UUID ticketId, boolean replyInThread) {
        this(chatId, method, params, ticketId, replyInThread, null, null);
    }

    /**
     * A stored file sent with {@code method} (sendPhoto or sendDocument) as {@code reader} may read
     * it; the sender fills the file field with Telegram's id for it or uploads it.
     */
    public static OutgoingCall file(long chatId, String method, UUID fileId, UUID reader, UUID ticketId,
                                    boolean replyInThread) {
        if (!method.equals(PHOTO) && !method.equals(DOCUMENT)) {
            throw new IllegalArgumentException("not a file method: " + method);
        }
        ObjectNode params = BotApiJson.mapper().createObjectNode().put("chat_id", chatId);
        return new OutgoingCall(chatId, method, params, ticketId, replyInThread, fileId, reader);
    }

    public static final String PHOTO = "sendPhoto";
    public static final String DOCUMENT = "sendDocument";

    /** The parameter that carries the file: {@code photo} or {@code document}. */
    public String fileField() {
        return method.equals(PHOTO) ? "photo" : "document";
    }

    /**
     * A text in HTML mode (header kept as markup, body escaped), split into as many messages as it
     * needs; only the last one carries the buttons.
     */
    public static List<OutgoingCall> text(long chatId, Integer threadId, String headerHtml, String body,
                                          InlineKeyboardMarkup buttons, UUID ticketId, boolean replyInThread) {
        List<String> parts = TelegramText.split(headerHtml, body, TelegramText.MESSAGE_LIMIT);
        List<OutgoingCall> calls = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode params = BotApiJson.mapper().createObjectNode()
                    .put("chat_id", chatId).put("text", parts.get(i)).put("parse_mode", "HTML");
            params.set("link_preview_options", BotApiJson.mapper().createObjectNode().put("is_disabled", true));
            if (threadId != null) {
                params.put("message_thread_id", threadId);
            }
            if (buttons != null && i == parts.size() - 1) {
                params.set("reply_markup", BotApiJson.mapper().valueToTree(buttons));
            }
            calls.add(new OutgoingCall(chatId, "sendMessage", params, ticketId, replyInThread && i == 0));
        }
        return calls;
    }

    /** Any other call ({@code chat_id} is set from {@code chatId}). */
    public static OutgoingCall of(long chatId, String method, Object parameters, UUID ticketId) {
        ObjectNode params = BotApiJson.mapper().valueToTree(parameters);
        params.put("chat_id", chatId);
        return new OutgoingCall(chatId, method, params, ticketId, false);
    }

    /** The same call with another (already escaped) text. */
    public OutgoingCall withText(String html) {
        ObjectNode copy = params.deepCopy();
        copy.put("text", html);
        return new OutgoingCall(chatId, method, copy, ticketId, replyInThread, fileId, fileReader);
    }
}
