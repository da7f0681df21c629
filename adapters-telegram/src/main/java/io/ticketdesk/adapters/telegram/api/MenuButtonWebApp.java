package io.ticketdesk.adapters.telegram.api;

/** The chat menu button that opens the Mini App. */
public record MenuButtonWebApp(String type, String text, WebAppInfo webApp) {

    public MenuButtonWebApp(String text, String url) {
        this("web_app", text, new WebAppInfo(url));
    }
}
