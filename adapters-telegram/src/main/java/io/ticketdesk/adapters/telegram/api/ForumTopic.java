package io.ticketdesk.adapters.telegram.api;

/** A topic of a forum supergroup, as {@code createForumTopic} returns it. */
public record ForumTopic(long messageThreadId, String name, Integer iconColor) {
}
