package io.ticketdesk.adapters.telegram.api;

/** A chat: {@code type} is private, group, supergroup or channel. */
public record Chat(long id, String type, String title, String username, String firstName, Boolean isForum) {

    public boolean isPrivate() {
        return "private".equals(type);
    }
}
