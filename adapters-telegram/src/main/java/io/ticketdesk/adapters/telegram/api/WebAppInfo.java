package io.ticketdesk.adapters.telegram.api;

/** The Mini App a button or the menu opens. */
public record WebAppInfo(String url) {
}
