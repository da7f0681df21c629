package io.ticketdesk.adapters.telegram.api;

/** A button that either calls back (data up to 64 bytes), opens a URL, or opens the Mini App (private chats only). */
public record InlineKeyboardButton(String text, String callbackData, String url, WebAppInfo webApp) {

    public static InlineKeyboardButton callback(String text, String data) {
        return new InlineKeyboardButton(text, data, null, null);
    }

    public static InlineKeyboardButton link(String text, String url) {
        return new InlineKeyboardButton(text, null, url, null);
    }

    public static InlineKeyboardButton webApp(String text, String url) {
        return new InlineKeyboardButton(text, null, null, new WebAppInfo(url));
    }
}
