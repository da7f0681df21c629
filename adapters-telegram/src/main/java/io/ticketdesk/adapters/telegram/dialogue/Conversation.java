package io.ticketdesk.adapters.telegram.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where a private chat stands in a dialogue, kept in PostgreSQL so any instance can take the next
 * update. {@code pendingText}: a message waiting for the person to say which ticket it belongs to.
 */
public record Conversation(Step step, UUID categoryId, String categoryName, String title, String pendingText,
                           List<UUID> attachments, String lastMediaGroup, boolean blockedNoticeSent,
                           boolean anonymousHintSent) {

    public enum Step { NONE, CATEGORY, TITLE, DESCRIPTION, WHICH_TICKET }

    public Conversation {
        step = step == null ? Step.NONE : step;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static Conversation none() {
        return new Conversation(Step.NONE, null, null, null, null, List.of(), null, false, false);
    }

    Conversation at(Step next) {
        return new Conversation(next, categoryId, categoryName, title, pendingText, attachments, lastMediaGroup,
                blockedNoticeSent, anonymousHintSent);
    }

    Conversation withCategory(UUID id, String name) {
        return new Conversation(Step.TITLE, id, name, title, pendingText, attachments, lastMediaGroup, blockedNoticeSent,
                anonymousHintSent);
    }

    Conversation withTitle(String text) {
        return new Conversation(Step.DESCRIPTION, categoryId, categoryName, text, pendingText, attachments,
                lastMediaGroup, blockedNoticeSent, anonymousHintSent);
    }

    Conversation withPendingText(String text, List<UUID> files) {
        return new Conversation(Step.WHICH_TICKET, categoryId, categoryName, title, text, files, lastMediaGroup,
                blockedNoticeSent, anonymousHintSent);
    }

    Conversation withAttachment(UUID file, String mediaGroup) {
        List<UUID> more = new ArrayList<>(attachments);
        more.add(file);
        return new Conversation(step, categoryId, categoryName, title, pendingText, more, mediaGroup, blockedNoticeSent,
                anonymousHintSent);
    }

    Conversation withBlockedNotice(boolean sent) {
        return new Conversation(step, categoryId, categoryName, title, pendingText, attachments, lastMediaGroup, sent,
                anonymousHintSent);
    }

    Conversation withAnonymousHint() {
        return new Conversation(step, categoryId, categoryName, title, pendingText, attachments, lastMediaGroup,
                blockedNoticeSent, true);
    }
}
