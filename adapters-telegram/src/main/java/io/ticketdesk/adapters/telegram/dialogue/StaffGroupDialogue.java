package io.ticketdesk.adapters.telegram.dialogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketdesk.adapters.telegram.api.BotApiJson;
import io.ticketdesk.adapters.telegram.api.CallbackQuery;
import io.ticketdesk.adapters.telegram.api.Message;
import io.ticketdesk.adapters.telegram.delivery.OutgoingCall;
import io.ticketdesk.adapters.telegram.delivery.TelegramOutbox;
import io.ticketdesk.adapters.telegram.delivery.TelegramText;
import io.ticketdesk.application.port.in.limits.LimitedAction;
import io.ticketdesk.application.port.in.messages.PostMessageCommand;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.UpdateTicketCommand;
import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.User;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Staff in the staff group: a message in a ticket's forum topic, or a reply to a post about a
 * ticket (plain groups), answers it as the writer (a leading {@code !} makes it an internal note),
 * and {@code /resolve}, {@code /close}, {@code /reopen}, {@code /assign}, {@code /priority X} sent
 * there act on it with the writer's permissions. "Take" and "Resolve" buttons do the same.
 * People who are not active staff are ignored; anonymous admins get one hint.
 */
final class StaffGroupDialogue {

    private static final Pattern CALLBACK = Pattern.compile("(take|resolve):([0-9a-f-]{36})");

    private final DeskPorts desk;
    private final TelegramOutbox outbox;
    private final Conversations conversations;
    private final TicketChats chats;
    private final long staffChat;
    private final ChatLimits limits;
    /** The group's one language (STAFF_CHAT_LANGUAGE), whoever writes in it. */
    private final Language language;

    StaffGroupDialogue(DeskPorts desk, TelegramOutbox outbox, Conversations conversations, TicketChats chats,
                       long staffChat, ChatLimits limits, Language language) {
        this.desk = desk;
        this.outbox = outbox;
        this.conversations = conversations;
        this.chats = chats;
        this.staffChat = staffChat;
        this.limits = limits;
        this.language = language;
    }

    long chatId() {
        return staffChat;
    }

    void onMessage(Message message, Function<io.ticketdesk.adapters.telegram.api.User, Optional<User>> identify) {
        if (message.chat() != null && message.chat().type() != null && message.chat().type().endsWith("group")) {
            // a group made a forum (or back) is noticed here: the sender posts by what it is now
            chats.learnForum(message.chat().id(), Boolean.TRUE.equals(message.chat().isForum()));
        }
        Integer thread = Boolean.TRUE.equals(message.isTopicMessage()) ? message.messageThreadId() : null;
        if (message.senderChat() != null) {
            // posted as the group itself (an anonymous admin): we cannot tell who answers
            Conversation state = conversations.get(staffChat);
            if (!state.anonymousHintSent()) {
                conversations.put(staffChat, state.withAnonymousHint());
                outbox.enqueue(OutgoingCall.text(staffChat, thread, text("staff_anonymous"), "", null, null, false));
            }
            return;
        }
        if (message.text() == null) {
            return;
        }
        Optional<UUID> ticket = ticketOf(message, thread);
        if (ticket.isEmpty()) {
            return;
        }
        Optional<User> member = identify.apply(message.from()).filter(user -> user.active() && user.isStaff());
        if (member.isEmpty()) {
            return;
        }
        String text = message.text().strip();
        // answers and notes are messages: the writer's budget, shared with what they post through the API
        if (!text.startsWith("/") && !limits.allow(LimitedAction.POST_MESSAGE, member.get(), staffChat, thread,
                language)) {
            return;
        }
        try {
            if (text.startsWith("/")) {
                command(member.get(), ticket.get(), text);
            } else if (text.startsWith("!")) {
                String note = text.substring(1).strip();
                if (!note.isEmpty()) {
                    chats.useCase(() -> desk.postMessage().post(new PostMessageCommand(member.get(), ticket.get(), note,
                            true, java.util.List.of())));
                }
            } else {
                chats.useCase(() -> desk.postMessage().post(new PostMessageCommand(member.get(), ticket.get(), text,
                        false, java.util.List.of())));
            }
        } catch (NotFoundException gone) {
            say(null, text("ticket_gone"));
        } catch (DomainException refused) {
            say(ticket.get(), refusal(refused));
        }
    }

    /** The ticket a message is about: the post it replies to, else the topic it is in. */
    private Optional<UUID> ticketOf(Message message, Integer thread) {
        Optional<UUID> replied = message.replyToMessage() == null ? Optional.empty()
                : chats.ticketOf(staffChat, message.replyToMessage().messageId());
        return replied.isEmpty() && thread != null ? chats.ticketOfTopic(staffChat, thread) : replied;
    }

    private void command(User member, UUID ticket, String text) {
        String[] words = text.split("\\s+", 2);
        String command = words[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        String argument = words.length > 1 ? words[1].strip().toUpperCase(Locale.ROOT) : "";
        TicketDetails after;
        switch (command) {
            case "/resolve" -> after = update(member, ticket, FieldUpdate.set(TicketStatus.RESOLVED), FieldUpdate.unchanged(),
                    FieldUpdate.unchanged());
            case "/close" -> after = update(member, ticket, FieldUpdate.set(TicketStatus.CLOSED), FieldUpdate.unchanged(),
                    FieldUpdate.unchanged());
            case "/reopen" -> after = update(member, ticket, FieldUpdate.set(TicketStatus.OPEN), FieldUpdate.unchanged(),
                    FieldUpdate.unchanged());
            case "/assign" -> after = update(member, ticket, FieldUpdate.unchanged(), FieldUpdate.unchanged(),
                    FieldUpdate.set(member.id()));
            case "/priority" -> {
                TicketPriority priority;
                try {
                    priority = TicketPriority.valueOf(argument);
                } catch (IllegalArgumentException unknown) {
                    say(ticket, text("staff_priority_bad"));
                    return;
                }
                after = update(member, ticket, FieldUpdate.unchanged(), FieldUpdate.set(priority), FieldUpdate.unchanged());
            }
            default -> {
                say(ticket, text("staff_help"));
                return;
            }
        }
        say(after.ticket().id(), "<b>#" + after.ticket().number() + "</b> " + TelegramText.escape(after.ticket().title())
                + ": " + text("staff_status." + after.ticket().status().name()) + ", "
                + BotTexts.staffPriority(language, after.ticket().priority())
                + (after.assignee() == null ? "" : text("staff_assignee", TelegramText.escape(after.assignee().firstName()))));
    }

    private TicketDetails update(User member, UUID ticket, FieldUpdate<TicketStatus> status,
                                 FieldUpdate<TicketPriority> priority, FieldUpdate<UUID> assignee) {
        return chats.useCase(() -> desk.updateTicket().update(new UpdateTicketCommand(member, ticket,
                FieldUpdate.unchanged(), FieldUpdate.unchanged(), status, priority, assignee, OptionalLong.empty())));
    }

    void onCallback(CallbackQuery query, Function<io.ticketdesk.adapters.telegram.api.User, Optional<User>> identify) {
        Matcher data = CALLBACK.matcher(query.data() == null ? "" : query.data());
        Optional<User> member = identify.apply(query.from()).filter(user -> user.active() && user.isStaff());
        if (!data.matches() || member.isEmpty()) {
            answer(query, text(member.isEmpty() ? "staff_only" : "stale_button"));
            return;
        }
        UUID ticket = UUID.fromString(data.group(2));
        try {
            if (data.group(1).equals("take")) {
                update(member.get(), ticket, FieldUpdate.unchanged(), FieldUpdate.unchanged(), FieldUpdate.set(member.get().id()));
                answer(query, text("staff_taken"));
            } else {
                update(member.get(), ticket, FieldUpdate.set(TicketStatus.RESOLVED), FieldUpdate.unchanged(),
                        FieldUpdate.unchanged());
                answer(query, text("staff_resolved"));
            }
        } catch (NotFoundException gone) {
            answer(query, text("ticket_gone"));
        } catch (DomainException refused) {
            answer(query, refusal(refused));
        }
    }

    /** "Not done: " and why, for a refusal by the desk's rules. */
    private String refusal(DomainException refused) {
        String why = refused instanceof AccessDeniedException ? "staff_refused_role"
                : refused instanceof ConflictException ? "staff_refused_state" : "staff_refused_invalid";
        return text("staff_not_done", text(why));
    }

    private String text(String key, Object... args) {
        return BotTexts.get(language, key, args);
    }

    private void answer(CallbackQuery query, String text) {
        ObjectNode params = BotApiJson.mapper().createObjectNode().put("callback_query_id", query.id()).put("text", text);
        outbox.enqueue(new OutgoingCall(staffChat, "answerCallbackQuery", params, null, false));
    }

    private void say(UUID ticket, String html) {
        outbox.enqueue(OutgoingCall.text(staffChat, null, html, "", null, ticket, false));
    }
}
