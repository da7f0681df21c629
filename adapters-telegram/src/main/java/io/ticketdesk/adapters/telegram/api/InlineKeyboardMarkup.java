package io.ticketdesk.adapters.telegram.api;

import java.util.List;

/** Buttons under a message, in rows. */
public record InlineKeyboardMarkup(List<List<InlineKeyboardButton>> inlineKeyboard) {

    public static InlineKeyboardMarkup of(List<List<InlineKeyboardButton>> rows) {
        return new InlineKeyboardMarkup(rows);
    }
}
