package io.ticketdesk.adapters.telegram.dialogue;

import io.ticketdesk.adapters.telegram.api.CallbackQuery;
import io.ticketdesk.adapters.telegram.api.Document;
import io.ticketdesk.adapters.telegram.api.File;
import io.ticketdesk.adapters.telegram.api.InlineKeyboardButton;
import io.ticketdesk.adapters.telegram.api.InlineKeyboardMarkup;
import io.ticketdesk.adapters.telegram.api.Message;
import io.ticketdesk.adapters.telegram.api.PhotoSize;
import io.ticketdesk.adapters.telegram.api.TelegramBotApi;
import io.ticketdesk.adapters.telegram.api.ApiAnswer;
import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import io.ticketdesk.adapters.telegram.delivery.OutgoingCall;
import io.ticketdesk.adapters.telegram.delivery.TelegramOutbox;
import io.ticketdesk.adapters.telegram.delivery.TelegramText;
import io.ticketdesk.adapters.telegram.notifications.StaffNotices;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.files.UploadFileCommand;
import io.ticketdesk.application.port.in.limits.LimitedAction;
import io.ticketdesk.application.port.in.messages.PostMessageCommand;
import io.ticketdesk.application.port.in.tickets.CreateTicketCommand;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.in.tickets.TicketFilter;
import io.ticketdesk.application.port.in.tickets.TicketSort;
import io.ticketdesk.application.port.in.tickets.TicketSummary;
import io.ticketdesk.application.port.in.tickets.UpdateTicketCommand;
import io.ticketdesk.domain.AccessDeniedException;
import io.ticketdesk.domain.ConflictException;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.categories.Category;
import io.ticketdesk.domain.files.FileTooLargeException;
import io.ticketdesk.domain.files.StoredFile;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketRules;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer (or anyone) in a private chat with the bot: commands, the /new flow, replies mapped
 * to tickets, plain messages, files, and the buttons under the bot's messages. Every answer goes
 * through the outbox in the transaction handling the update.
 */
final class PrivateDialogue {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateDialogue.class);
    /** Callback data we write: an action and, for most, a ticket or category id. Anything else is stale or forged. */
    private static final Pattern CALLBACK = Pattern.compile("(cat|close|solved|notsolved|join|newtext):?([0-9a-f-]{36})?");
    private static final int TICKETS_SHOWN = 10;

    private final BotDatabase database;
    private final DeskPorts desk;
    private final TelegramOutbox outbox;
    private final Conversations conversations;
    private final TelegramBotApi api;
    private final Optional<URI> webAppUrl;
    private final TicketChats chats;
    private final StaffNotices staffNotices;
    private final ChatLimits limits;

    PrivateDialogue(BotDatabase database, DeskPorts desk, TelegramOutbox outbox, Conversations conversations,
                    TelegramBotApi api, Optional<URI> webAppUrl, ChatLimits limits) {
        this.database = database;
        this.desk = desk;
        this.outbox = outbox;
        this.conversations = conversations;
        this.api = api;
        this.webAppUrl = webAppUrl;
        this.chats = new TicketChats(database);
        this.staffNotices = new StaffNotices(database);
        this.limits = limits;
    }

    // ---- messages ----

    void onMessage(Message message, User user, Language language) {
        long chat = message.chat().id();
        Conversation state = conversations.get(chat);
        String text = message.textOrCaption();
        if (message.text() != null && message.text().startsWith("/")) {
            onCommand(message, user, language, state);
            return;
        }
        if (text == null && !hasFile(message)) {
            say(chat, language, BotTexts.get(language, "unsupported"));
            return;
        }
        switch (state.step()) {
            case CATEGORY -> {
                say(chat, language, BotTexts.get(language, "use_buttons"));
            }
            case TITLE -> {
                if (message.text() == null || message.text().isBlank()
                        || TicketRules.checkLine(io.ticketdesk.domain.InputField.TITLE, message.text().strip(), TicketRules.TITLE_MAX).isPresent()) {
                    say(chat, language, BotTexts.get(language, "title_bad"));
                    return;
                }
                Conversation titled = state.withTitle(message.text().strip());
                if (state.pendingText() != null) {
                    // the text that started it all is the description
                    createTicket(chat, user, language, titled, state.pendingText());
                    return;
                }
                conversations.put(chat, titled);
                say(chat, language, BotTexts.get(language, "ask_description"));
            }
            case DESCRIPTION -> describe(message, user, language, state);
            default -> plainMessage(message, user, language, state);
        }
    }

    private void onCommand(Message message, User user, Language language, Conversation state) {
        long chat = message.chat().id();
        String[] words = message.text().strip().split("\\s+", 2);
        String command = words[0].toLowerCase(Locale.ROOT);
        int at = command.indexOf('@');
        if (at > 0) {
            command = command.substring(0, at);
        }
        String argument = words.length > 1 ? words[1].strip() : "";
        switch (command) {
            case "/start" -> {
                conversations.put(chat, Conversation.none().withBlockedNotice(state.blockedNoticeSent()));
                say(chat, language, BotTexts.get(language, "welcome", TelegramText.escape(user.firstName())),
                        webAppUrl.map(url -> keyboard(InlineKeyboardButton.webApp(BotTexts.get(language, "open_desk"),
                                url.toString()))).orElse(null), null);
                deepLink(chat, user, language, argument);
            }
            case "/help" -> say(chat, language, BotTexts.get(language, "help")
                    + (user.isStaff() ? "\n\n" + BotTexts.get(language, "help_staff") : ""));
            case "/notify" -> notifyCommand(chat, user, language, argument);
            case "/new" -> {
                // spent when the ticket is begun, so someone over the limit learns it before typing it all
                if (limits.allow(LimitedAction.CREATE_TICKET, user, chat, language)) {
                    startNew(chat, user, language, Conversation.none());
                }
            }
            case "/tickets" -> listTickets(chat, user, language);
            case "/cancel" -> {
                conversations.put(chat, Conversation.none().withBlockedNotice(state.blockedNoticeSent()));
                say(chat, language, BotTexts.get(language, state.step() == Conversation.Step.NONE
                        ? "nothing_to_cancel" : "cancelled"));
            }
            default -> say(chat, language, BotTexts.get(language, "unknown_command"));
        }
    }

    /**
     * {@code /notify off|on} for staff: their private notices of assignments and of the authors'
     * messages. A customer's own notices are how support answers them, so they stay on.
     */
    private void notifyCommand(long chat, User user, Language language, String argument) {
        if (!user.isStaff()) {
            say(chat, language, BotTexts.get(language, "notify_customer"));
            return;
        }
        switch (argument.toLowerCase(Locale.ROOT)) {
            case "off" -> {
                staffNotices.set(user.id(), false);
                say(chat, language, BotTexts.get(language, "notify_off"));
            }
            case "on" -> {
                staffNotices.set(user.id(), true);
                say(chat, language, BotTexts.get(language, "notify_on"));
            }
            default -> say(chat, language, BotTexts.get(language,
                    staffNotices.wanted(user.id()) ? "notify_state_on" : "notify_state_off"));
        }
    }

    /** {@code /start <ticket id>} from a deep link: shows that ticket when the person may see it. */
    private void deepLink(long chat, User user, Language language, String payload) {
        Optional<UUID> ticketId = uuid(payload.replaceFirst("^ticket[_-]?", ""));
        if (ticketId.isEmpty()) {
            return;
        }
        try {
            TicketDetails details = useCase(() -> desk.getTicket().get(user, ticketId.get()));
            showTicket(chat, language, details.ticket());
        } catch (NotFoundException | AccessDeniedException unseen) {
            say(chat, language, BotTexts.get(language, "ticket_gone"));
        }
    }

    private void startNew(long chat, User user, Language language, Conversation base) {
        List<Category> categories = desk.categories().list(user, false);
        if (categories.isEmpty()) {
            say(chat, language, BotTexts.get(language, "no_categories"));
            return;
        }
        conversations.put(chat, base.at(Conversation.Step.CATEGORY));
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        for (Category category : categories) {
            String label = (category.icon() == null ? "" : category.icon() + " ") + category.name();
            rows.add(List.of(InlineKeyboardButton.callback(label, "cat:" + category.id())));
        }
        say(chat, language, BotTexts.get(language, "choose_category"), InlineKeyboardMarkup.of(rows), null);
    }

    private void describe(Message message, User user, Language language, Conversation state) {
        long chat = message.chat().id();
        Conversation current = state;
        if (hasFile(message) && !limits.allow(LimitedAction.UPLOAD_FILE, user, chat, language)) {
            return;
        }
        Optional<UUID> file = receiveFile(message, user, language);
        if (file.isPresent()) {
            current = current.withAttachment(file.get(), message.mediaGroupId());
            conversations.put(chat, current);
        }
        String text = message.textOrCaption();
        if (text == null || text.isBlank()) {
            // one acknowledgement per album, not one per photo in it
            if (file.isPresent() && (message.mediaGroupId() == null || !message.mediaGroupId().equals(state.lastMediaGroup()))) {
                say(chat, language, BotTexts.get(language, "got_attachment", current.attachments().size()));
            }
            return;
        }
        if (TicketRules.checkText(io.ticketdesk.domain.InputField.DESCRIPTION, text.strip(), TicketRules.TEXT_MAX).isPresent()) {
            say(chat, language, BotTexts.get(language, "description_bad"));
            return;
        }
        createTicket(chat, user, language, current, text.strip());
    }

    private void createTicket(long chat, User user, Language language, Conversation state, String description) {
        TicketDetails created;
        try {
            created = useCase(() -> desk.createTicket().create(new CreateTicketCommand(user, state.title(), description,
                    state.categoryId(), null)));
        } catch (ValidationException invalid) {
            // the category was switched off while the person was typing: start again with the buttons
            startNew(chat, user, language, Conversation.none());
            return;
        }
        Ticket ticket = created.ticket();
        if (!state.attachments().isEmpty()) {
            useCase(() -> desk.postMessage().post(new PostMessageCommand(user, ticket.id(),
                    BotTexts.get(language, "attachments"), false, state.attachments())));
        }
        conversations.put(chat, Conversation.none());
        say(chat, language, BotTexts.get(language, "created", ticket.number(), TelegramText.escape(ticket.title())),
                openButton(language, ticket.id()), ticket.id());
    }

    private void listTickets(long chat, User user, Language language) {
        List<Ticket> open = openTickets(user);
        if (open.isEmpty()) {
            say(chat, language, BotTexts.get(language, "no_tickets"));
            return;
        }
        open.stream().limit(TICKETS_SHOWN).forEach(ticket -> showTicket(chat, language, ticket));
    }

    private void showTicket(long chat, Language language, Ticket ticket) {
        List<InlineKeyboardButton> row = new ArrayList<>();
        webAppUrl.ifPresent(url -> row.add(InlineKeyboardButton.webApp(BotTexts.get(language, "open_app"),
                url + "?startapp=" + ticket.id())));
        if (ticket.status() != TicketStatus.CLOSED) {
            row.add(InlineKeyboardButton.callback(BotTexts.get(language, "close"), "close:" + ticket.id()));
        }
        say(chat, language, BotTexts.get(language, "ticket_line", ticket.number(), TelegramText.escape(ticket.title()),
                BotTexts.get(language, "status." + ticket.status().name())), keyboard(row), ticket.id());
    }

    /** The person's tickets that are not closed, newest first. */
    private List<Ticket> openTickets(User user) {
        List<Ticket> open = new ArrayList<>();
        int page = 1;
        while (open.size() < 50) {
            List<TicketSummary> items = desk.listTickets().list(user, TicketFilter.none(), TicketSort.NEWEST_FIRST,
                    new PageRequest(page, PageRequest.MAX_SIZE)).items();
            items.stream().map(TicketSummary::ticket)
                    .filter(ticket -> ticket.status() != TicketStatus.CLOSED && ticket.authorId().equals(user.id()))
                    .forEach(open::add);
            if (items.size() < PageRequest.MAX_SIZE) {
                break;
            }
            page++;
        }
        return open;
    }

    private void plainMessage(Message message, User user, Language language, Conversation state) {
        long chat = message.chat().id();
        String text = message.textOrCaption();
        if (text != null && text.strip().length() > io.ticketdesk.domain.messages.Message.CONTENT_MAX) {
            say(chat, language, BotTexts.get(language, "too_long"));
            return;
        }
        // the message is spent as it arrives (REST spends it as it is posted), even if it waits for a ticket to be picked
        if (!limits.allow(LimitedAction.POST_MESSAGE, user, chat, language)
                || hasFile(message) && !limits.allow(LimitedAction.UPLOAD_FILE, user, chat, language)) {
            return;
        }
        Optional<UUID> file = receiveFile(message, user, language);
        List<UUID> files = file.map(List::of).orElse(List.of());
        if ((text == null || text.isBlank()) && files.isEmpty()) {
            return;
        }
        String content = text == null || text.isBlank() ? BotTexts.get(language, "attachments") : text.strip();
        if (message.replyToMessage() != null) {
            Optional<UUID> ticket = ticketOf(chat, message.replyToMessage().messageId());
            if (ticket.isPresent()) {
                post(chat, user, language, ticket.get(), content, files, "added");
                return;
            }
        }
        List<Ticket> open = openTickets(user);
        if (open.size() == 1) {
            post(chat, user, language, open.get(0).id(), content, files, "added_only_open");
            return;
        }
        conversations.put(chat, state.withPendingText(content, files));
        if (open.isEmpty()) {
            say(chat, language, BotTexts.get(language, "offer_new"),
                    keyboard(InlineKeyboardButton.callback(BotTexts.get(language, "new_with_text"), "newtext")), null);
            return;
        }
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        open.stream().limit(TICKETS_SHOWN).forEach(ticket -> rows.add(List.of(InlineKeyboardButton.callback(
                "#" + ticket.number() + " " + shorten(ticket.title(), 40), "join:" + ticket.id()))));
        rows.add(List.of(InlineKeyboardButton.callback(BotTexts.get(language, "new_with_text"), "newtext")));
        say(chat, language, BotTexts.get(language, "which_ticket"), InlineKeyboardMarkup.of(rows), null);
    }

    private void post(long chat, User user, Language language, UUID ticketId, String content, List<UUID> files,
                      String confirmation) {
        try {
            useCase(() -> desk.postMessage().post(new PostMessageCommand(user, ticketId, content, false, files)));
            Ticket ticket = desk.getTicket().get(user, ticketId).ticket();
            say(chat, language, BotTexts.get(language, confirmation, ticket.number()), null, ticketId);
        } catch (ConflictException closed) {
            long number = numberOf(user, ticketId).orElse(0);
            say(chat, language, BotTexts.get(language, "ticket_closed", number));
        } catch (NotFoundException | AccessDeniedException gone) {
            say(chat, language, BotTexts.get(language, "ticket_gone"));
        }
    }

    private OptionalLong numberOf(User user, UUID ticketId) {
        try {
            return OptionalLong.of(desk.getTicket().get(user, ticketId).ticket().number());
        } catch (DomainException unseen) {
            return OptionalLong.empty();
        }
    }

    // ---- buttons ----

    void onCallback(CallbackQuery query, User user, Language language) {
        long chat = query.message() != null ? query.message().chat().id() : query.from().id();
        answer(query);
        Matcher data = CALLBACK.matcher(query.data() == null ? "" : query.data());
        if (!data.matches()) {
            say(chat, language, BotTexts.get(language, "stale_button"));
            return;
        }
        String action = data.group(1);
        Optional<UUID> id = uuid(data.group(2));
        Conversation state = conversations.get(chat);
        try {
            switch (action) {
                case "cat" -> pickCategory(chat, user, language, state, id);
                case "close", "solved" -> changeStatus(chat, user, language, id, TicketStatus.CLOSED, "closed_done");
                case "notsolved" -> changeStatus(chat, user, language, id, TicketStatus.OPEN, "reopened");
                case "join" -> {
                    if (state.step() != Conversation.Step.WHICH_TICKET || id.isEmpty()) {
                        say(chat, language, BotTexts.get(language, "stale_button"));
                        return;
                    }
                    conversations.put(chat, Conversation.none());
                    post(chat, user, language, id.get(), state.pendingText(), state.attachments(), "added");
                }
                case "newtext" -> {
                    if (state.step() != Conversation.Step.WHICH_TICKET) {
                        say(chat, language, BotTexts.get(language, "stale_button"));
                        return;
                    }
                    // the waiting text becomes the description: category, then title, then it is created;
                    // over the limit it keeps waiting, so the person can still add it to an open ticket
                    if (limits.allow(LimitedAction.CREATE_TICKET, user, chat, language)) {
                        startNew(chat, user, language, state);
                    }
                }
                default -> say(chat, language, BotTexts.get(language, "stale_button"));
            }
        } catch (AccessDeniedException | NotFoundException refused) {
            say(chat, language, BotTexts.get(language, refused instanceof NotFoundException ? "ticket_gone" : "not_allowed"));
        }
    }

    private void pickCategory(long chat, User user, Language language, Conversation state, Optional<UUID> id) {
        if (state.step() != Conversation.Step.CATEGORY || id.isEmpty()) {
            say(chat, language, BotTexts.get(language, "stale_button"));
            return;
        }
        Optional<Category> category = desk.categories().list(user, false).stream()
                .filter(c -> c.id().equals(id.get())).findFirst();
        if (category.isEmpty()) {
            startNew(chat, user, language, state);
            return;
        }
        conversations.put(chat, state.withCategory(category.get().id(), category.get().name()));
        say(chat, language, BotTexts.get(language, "ask_title", TelegramText.escape(category.get().name())));
    }

    private void changeStatus(long chat, User user, Language language, Optional<UUID> id, TicketStatus target,
                              String confirmation) {
        if (id.isEmpty()) {
            say(chat, language, BotTexts.get(language, "stale_button"));
            return;
        }
        try {
            TicketDetails details = useCase(() -> desk.updateTicket().update(new UpdateTicketCommand(user, id.get(),
                    FieldUpdate.unchanged(), FieldUpdate.unchanged(), FieldUpdate.set(target), FieldUpdate.unchanged(),
                    FieldUpdate.unchanged(), OptionalLong.empty())));
            say(chat, language, BotTexts.get(language, confirmation, details.ticket().number()), null, id.get());
        } catch (ConflictException notNow) {
            say(chat, language, BotTexts.get(language, "stale_button"));
        }
    }

    // ---- files ----

    /** The largest photo size or the document, downloaded and stored as the person's upload. */
    private Optional<UUID> receiveFile(Message message, User user, Language language) {
        String fileId;
        String name;
        Long size;
        if (message.photo() != null && !message.photo().isEmpty()) {
            PhotoSize largest = message.photo().get(message.photo().size() - 1);
            fileId = largest.fileId();
            name = "photo-" + message.messageId() + ".jpg";
            size = largest.fileSize();
        } else if (message.document() != null) {
            Document document = message.document();
            fileId = document.fileId();
            name = document.fileName() == null ? "document-" + message.messageId() : document.fileName();
            size = document.fileSize();
        } else {
            return Optional.empty();
        }
        long limit = Math.min(TelegramBotApi.MAX_DOWNLOAD_BYTES, desk.uploadFile().maxBytes());
        if (size != null && size > limit) {
            say(message.chat().id(), language, BotTexts.get(language, "file_too_big"));
            return Optional.empty();
        }
        try {
            ApiAnswer answer = api.call("getFile", Map.of("file_id", fileId));
            if (!answer.ok()) {
                say(message.chat().id(), language, BotTexts.get(language, "file_failed"));
                return Optional.empty();
            }
            File file = answer.result(File.class);
            byte[] bytes = api.download(file.filePath(), limit);
            StoredFile stored = useCase(() -> desk.uploadFile().upload(new UploadFileCommand(user, name,
                    new ByteArrayInputStream(bytes))));
            // Telegram's id for it, so whoever it is shown to in Telegram gets it without an upload
            String kind = message.document() != null ? "document" : "photo";
            database.inTransaction(handle -> handle.createUpdate("INSERT INTO telegram_file_ids (file_id, kind,"
                            + " telegram_file_id) VALUES (:file, :kind, :id) ON CONFLICT DO NOTHING")
                    .bind("file", stored.id()).bind("kind", kind).bind("id", fileId).execute());
            return Optional.of(stored.id());
        } catch (FileTooLargeException tooBig) {
            say(message.chat().id(), language, BotTexts.get(language, "file_too_big"));
        } catch (IOException failed) {
            LOG.warn("a file from Telegram could not be fetched: {}", failed.getMessage());
            say(message.chat().id(), language, BotTexts.get(language, "file_failed"));
        }
        return Optional.empty();
    }

    // ---- helpers ----

    private static boolean hasFile(Message message) {
        return (message.photo() != null && !message.photo().isEmpty()) || message.document() != null;
    }

    private Optional<UUID> ticketOf(long chat, long messageId) {
        return chats.ticketOf(chat, messageId);
    }

    private <T> T useCase(Supplier<T> call) {
        return chats.useCase(call);
    }

    private void answer(CallbackQuery query) {
        long chat = query.message() != null ? query.message().chat().id() : query.from().id();
        com.fasterxml.jackson.databind.node.ObjectNode params = io.ticketdesk.adapters.telegram.api.BotApiJson.mapper()
                .createObjectNode().put("callback_query_id", query.id());
        outbox.enqueue(new OutgoingCall(chat, "answerCallbackQuery", params, null, false));
    }

    private void say(long chat, Language language, String html) {
        say(chat, language, html, null, null);
    }

    /** Our own sentences are short markup: one message, kept whole as the header. */
    private void say(long chat, Language language, String html, InlineKeyboardMarkup buttons, UUID ticketId) {
        outbox.enqueue(OutgoingCall.text(chat, null, html, "", buttons, ticketId, false));
    }

    private InlineKeyboardMarkup openButton(Language language, UUID ticketId) {
        return webAppUrl.map(url -> keyboard(InlineKeyboardButton.webApp(BotTexts.get(language, "open_app"),
                url + "?startapp=" + ticketId))).orElse(null);
    }

    private static InlineKeyboardMarkup keyboard(InlineKeyboardButton... buttons) {
        return keyboard(List.of(buttons));
    }

    private static InlineKeyboardMarkup keyboard(List<InlineKeyboardButton> row) {
        return row.isEmpty() ? null : InlineKeyboardMarkup.of(List.of(row));
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Optional<UUID> uuid(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
