package io.ticketdesk.adapters.telegram.notifications;

import io.ticketdesk.adapters.telegram.api.InlineKeyboardButton;
import io.ticketdesk.adapters.telegram.api.InlineKeyboardMarkup;
import io.ticketdesk.adapters.telegram.bot.BotDatabase;
import io.ticketdesk.adapters.telegram.delivery.ForumTopics;
import io.ticketdesk.adapters.telegram.delivery.OutgoingCall;
import io.ticketdesk.adapters.telegram.delivery.TelegramOutbox;
import io.ticketdesk.adapters.telegram.delivery.TelegramText;
import io.ticketdesk.adapters.telegram.dialogue.BotTexts;
import io.ticketdesk.adapters.telegram.dialogue.Language;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.in.events.RecordedDeskEvent;
import io.ticketdesk.application.port.in.messages.Attachment;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the desk's events into Telegram calls, once per desk: it drains the events outbox and
 * queues the calls in the same transaction, so an event is consumed exactly when its notices are
 * queued. Never about internal notes to a customer; only to people who have started the bot.
 */
public final class TelegramNotifier implements AutoCloseable {

    public static final String CONSUMER = "telegram-notifier";
    private static final int BATCH = 100;
    /** A wake-up that came too early for an event is made up for by this safety drain. */
    private static final long SAFETY_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(TelegramNotifier.class);
    /** The largest file a bot may upload to Telegram's own Bot API server. */
    public static final long UPLOAD_LIMIT_BYTES = 50L * 1024 * 1024;
    /** sendPhoto takes pictures of these kinds up to 10 MB; larger ones go as documents. */
    static final long PHOTO_LIMIT_BYTES = 10L * 1024 * 1024;
    private static final java.util.Set<String> PHOTO_TYPES = java.util.Set.of("image/jpeg", "image/png", "image/webp");

    private final NotifierPorts desk;
    private final TelegramOutbox outbox;
    private final BotDatabase database;
    private final Optional<Long> staffChatId;
    private final Supplier<Optional<String>> botUsername;
    private final StaffNotices staffNotices;
    /** The staff group's one language (STAFF_CHAT_LANGUAGE): its posts, notes and buttons. */
    private final Language staffLanguage;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;
    private AutoCloseable subscription;
    private Thread thread;

    /** {@code staffChatId}: the staff group, where new tickets and the authors' messages are posted. */
    public TelegramNotifier(NotifierPorts desk, TelegramOutbox outbox, BotDatabase database, Optional<Long> staffChatId) {
        this(desk, outbox, database, staffChatId, Optional::empty, Language.EN);
    }

    /**
     * {@code botUsername}: for the staff posts' link that opens the ticket in the Mini App (left out while
     * unknown); {@code staffLanguage}: what the staff group's posts are written in.
     */
    public TelegramNotifier(NotifierPorts desk, TelegramOutbox outbox, BotDatabase database, Optional<Long> staffChatId,
                            Supplier<Optional<String>> botUsername, Language staffLanguage) {
        this.desk = desk;
        this.outbox = outbox;
        this.database = database;
        this.staffChatId = staffChatId;
        this.botUsername = botUsername;
        this.staffNotices = new StaffNotices(database);
        this.staffLanguage = staffLanguage;
    }

    public void start() {
        subscription = desk.drain().onRecorded(wake::release);
        thread = new Thread(this::run, "telegram-notifier");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                while (running && desk.drain().drain(CONSUMER, BATCH, event -> notify(event)) == BATCH) {
                    // a full batch: there may be more
                }
                wake.tryAcquire(SAFETY_SECONDS, TimeUnit.SECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("turning desk events into Telegram notices failed; trying again in 5 s", e);
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    void notify(RecordedDeskEvent recorded) {
        DeskEvent event = recorded.event();
        try {
            if (event instanceof DeskEvent.TicketCreated created) {
                ticketCreated(created);
            } else if (event instanceof DeskEvent.MessagePosted posted) {
                messagePosted(posted);
            } else if (event instanceof DeskEvent.StatusChanged changed) {
                statusChanged(changed);
            } else if (event instanceof DeskEvent.AssigneeChanged assigned) {
                assigned(assigned);
            } else if (event instanceof DeskEvent.TitleChanged retitled) {
                staffTopicChanged(retitled.ticketId(), retitled.ticketAuthorId());
            } else if (event instanceof DeskEvent.TicketDeleted deleted) {
                staffTopicDeleted(deleted.ticketId());
            }
        } catch (DomainException | io.ticketdesk.application.port.in.auth.AuthenticationFailedException gone) {
            // the ticket was deleted, or its reader blocked, since: nothing left to tell
            LOG.debug("desk event {} has nobody left to tell: {}", recorded.id(), gone.getMessage());
        }
    }

    private void messagePosted(DeskEvent.MessagePosted posted) {
        if (posted.internal()) {
            return;
        }
        if (!posted.authorId().equals(posted.ticketAuthorId())) {
            // a public answer from staff: to the ticket's author
            User author = desk.people().activeUser(posted.ticketAuthorId());
            if (!startedTheBot(author)) {
                return;
            }
            Language language = Language.of(author.languageCode());
            Ticket ticket = desk.getTicket().get(author, posted.ticketId()).ticket();
            Optional<MessageView> message = find(author, posted.ticketId(), posted.messageId());
            if (message.isEmpty() || message.get().message().internal()) {
                return;
            }
            String header = BotTexts.get(language, "staff_reply", ticket.number(), TelegramText.escape(ticket.title()));
            List<OutgoingCall> calls = new ArrayList<>(OutgoingCall.text(author.telegramId(), null, header,
                    message.get().message().content(), null, ticket.id(), true));
            calls.addAll(files(author, message.get(), language, ticket.id()));
            outbox.enqueue(calls);
            return;
        }
        staffChatId.ifPresent(group -> {
            User author = desk.people().activeUser(posted.ticketAuthorId());
            TicketDetails details = desk.getTicket().get(author, posted.ticketId());
            ensureTopic(group, details.ticket());
            find(author, posted.ticketId(), posted.messageId()).ifPresent(message -> outbox.enqueue(OutgoingCall.text(
                    group, null, "💬 <b>#" + details.ticket().number() + "</b> " + TelegramText.escape(details.ticket().title())
                            + " — " + TelegramText.escape(author.firstName()) + ":\n",
                    message.message().content() + attachmentNote(message, staffLanguage), null, details.ticket().id(),
                    true)));
        });
        if (posted.assigneeId() != null && !posted.assigneeId().equals(posted.authorId())) {
            // the author wrote on a ticket someone is working on: to that person
            User assignee = desk.people().activeUser(posted.assigneeId());
            if (!assignee.isStaff() || !startedTheBot(assignee) || !staffNotices.wanted(assignee.id())) {
                return;
            }
            Language language = Language.of(assignee.languageCode());
            TicketDetails details = desk.getTicket().get(assignee, posted.ticketId());
            Optional<MessageView> message = find(assignee, posted.ticketId(), posted.messageId());
            if (message.isEmpty()) {
                return;
            }
            String header = "<b>#" + details.ticket().number() + "</b> " + TelegramText.escape(details.ticket().title())
                    + " — " + TelegramText.escape(details.author().firstName()) + ":\n";
            List<OutgoingCall> calls = new ArrayList<>(OutgoingCall.text(assignee.telegramId(), null, header,
                    message.get().message().content(), null, details.ticket().id(), true));
            calls.addAll(files(assignee, message.get(), language, details.ticket().id()));
            outbox.enqueue(calls);
        }
    }

    /** A new ticket is posted to the staff group, in its language. */
    private void ticketCreated(DeskEvent.TicketCreated created) {
        if (staffChatId.isEmpty()) {
            return;
        }
        User author = desk.people().activeUser(created.ticketAuthorId());
        TicketDetails details = desk.getTicket().get(author, created.ticketId());
        Ticket ticket = details.ticket();
        String header = "🆕 <b>#" + ticket.number() + "</b> " + TelegramText.escape(ticket.title()) + "\n"
                + TelegramText.escape(details.category() == null ? "" : details.category().name()) + " · "
                + BotTexts.staffPriority(staffLanguage, ticket.priority()) + " · "
                + TelegramText.escape(author.firstName()) + "\n\n";
        ensureTopic(staffChatId.get(), ticket);
        outbox.enqueue(OutgoingCall.text(staffChatId.get(), null, header, ticket.description(), staffButtons(ticket),
                ticket.id(), false));
    }

    /**
     * "Take" and "Resolve" act through the same use cases as the REST API (the presser's rights);
     * groups allow no {@code web_app} button, so the Mini App opens through a t.me link.
     */
    private InlineKeyboardMarkup staffButtons(Ticket ticket) {
        List<List<InlineKeyboardButton>> rows = new ArrayList<>();
        rows.add(List.of(InlineKeyboardButton.callback(BotTexts.get(staffLanguage, "staff_take"), "take:" + ticket.id()),
                InlineKeyboardButton.callback(BotTexts.get(staffLanguage, "staff_resolve"), "resolve:" + ticket.id())));
        botUsername.get().ifPresent(bot -> rows.add(List.of(InlineKeyboardButton.link(BotTexts.get(staffLanguage, "staff_open_app"),
                "https://t.me/" + bot + "?startapp=" + ticket.id()))));
        return InlineKeyboardMarkup.of(rows);
    }

    /** The name a ticket's topic shows: its state at a glance, its number and title. */
    static String topicName(Ticket ticket) {
        String marker = switch (ticket.status()) {
            case OPEN -> "🆕";
            case IN_PROGRESS -> "🛠";
            case WAITING_RESPONSE -> "⏳";
            case RESOLVED -> "✅";
            case CLOSED -> "🔒";
        };
        return ForumTopics.name(marker, ticket.number(), ticket.title());
    }

    /** Makes sure the ticket's topic is meant (made by the sender before the post that needs it). */
    private void ensureTopic(long group, Ticket ticket) {
        database.inTransaction(handle -> {
            if (!ForumTopics.knownPlain(handle, group)) {
                ForumTopics.ensure(handle, group, ticket.id(), topicName(ticket), ticket.status() == TicketStatus.CLOSED);
            }
            return null;
        });
    }

    /** The ticket's topic follows its status and title: renamed, closed with it and reopened with it. */
    private void staffTopicChanged(UUID ticketId, UUID authorId) {
        if (staffChatId.isEmpty()) {
            return;
        }
        long group = staffChatId.get();
        User author = desk.people().activeUser(authorId);
        // the ticket as it is now: events read late still leave the topic as the ticket ends up
        Ticket ticket = desk.getTicket().get(author, ticketId).ticket();
        List<OutgoingCall> calls = new ArrayList<>();
        database.inTransaction(handle -> {
            if (ForumTopics.knownPlain(handle, group)) {
                return null;
            }
            boolean closed = ticket.status() == TicketStatus.CLOSED;
            String name = topicName(ticket);
            Optional<ForumTopics.Meant> before = ForumTopics.want(handle, group, ticketId, name, closed);
            boolean wasClosed = before.map(ForumTopics.Meant::closed).orElse(false);
            if (before.isEmpty() || !before.get().name().equals(name)) {
                // the sender sends the name meant when the call goes out, whichever rename this is
                calls.add(OutgoingCall.of(group, "editForumTopic", java.util.Map.of("name", name), ticketId));
            }
            if (closed && !wasClosed) {
                calls.add(OutgoingCall.of(group, "closeForumTopic", java.util.Map.of(), ticketId));
            } else if (!closed && wasClosed) {
                calls.add(OutgoingCall.of(group, "reopenForumTopic", java.util.Map.of(), ticketId));
            }
            return null;
        });
        outbox.enqueue(calls);
    }

    /** A deleted ticket's topic is closed (kept: staff may still want to read it). */
    private void staffTopicDeleted(UUID ticketId) {
        staffChatId.ifPresent(group -> database.inTransaction(handle -> {
            if (ForumTopics.meanClosed(handle, group, ticketId)) {
                outbox.enqueue(OutgoingCall.of(group, "closeForumTopic", java.util.Map.of(), ticketId));
            }
            return null;
        }));
    }

    private void statusChanged(DeskEvent.StatusChanged changed) {
        staffTopicChanged(changed.ticketId(), changed.ticketAuthorId());
        if (changed.ticketAuthorId().equals(changed.actorId())) {
            return;
        }
        User author = desk.people().activeUser(changed.ticketAuthorId());
        if (!startedTheBot(author)) {
            return;
        }
        Language language = Language.of(author.languageCode());
        Ticket ticket = desk.getTicket().get(author, changed.ticketId()).ticket();
        String text = BotTexts.get(language, "status_changed", ticket.number(), TelegramText.escape(ticket.title()),
                BotTexts.get(language, "status." + changed.newStatus().name()));
        InlineKeyboardMarkup buttons = null;
        if (changed.newStatus() == TicketStatus.RESOLVED) {
            text += "\n" + BotTexts.get(language, "resolved_question");
            buttons = InlineKeyboardMarkup.of(List.of(List.of(
                    InlineKeyboardButton.callback(BotTexts.get(language, "solved"), "solved:" + ticket.id()),
                    InlineKeyboardButton.callback(BotTexts.get(language, "not_solved"), "notsolved:" + ticket.id()))));
        }
        outbox.enqueue(OutgoingCall.text(author.telegramId(), null, text, "", buttons, ticket.id(), true));
    }

    private void assigned(DeskEvent.AssigneeChanged assigned) {
        if (assigned.newAssigneeId() == null || assigned.newAssigneeId().equals(assigned.actorId())) {
            return;
        }
        User assignee = desk.people().activeUser(assigned.newAssigneeId());
        if (!startedTheBot(assignee) || !staffNotices.wanted(assignee.id())) {
            return;
        }
        Language language = Language.of(assignee.languageCode());
        TicketDetails details = desk.getTicket().get(assignee, assigned.ticketId());
        String text = BotTexts.get(language, "assigned_to_you", details.ticket().number(),
                TelegramText.escape(details.ticket().title()), TelegramText.escape(details.author().firstName()));
        outbox.enqueue(OutgoingCall.text(assignee.telegramId(), null, text, "", null, details.ticket().id(), true));
    }

    /** The message as {@code reader} sees it: the newest page first, where a just-posted message is. */
    private Optional<MessageView> find(User reader, UUID ticketId, UUID messageId) {
        int size = PageRequest.MAX_SIZE;
        long total = desk.listMessages().list(reader, ticketId, new PageRequest(1, 1)).total();
        for (int page = (int) Math.max(1, (total + size - 1) / size); page >= 1; page--) {
            List<MessageView> items = new ArrayList<>(desk.listMessages().list(reader, ticketId,
                    new PageRequest(page, size)).items());
            for (MessageView view : items) {
                if (view.message().id().equals(messageId)) {
                    return Optional.of(view);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A message's files for {@code reader}, after its text and in its order: pictures Telegram shows
     * as photos by sendPhoto, everything else by sendDocument; a file over what a bot may upload is
     * named, with a pointer to the Mini App, instead.
     */
    private static List<OutgoingCall> files(User reader, MessageView message, Language language, UUID ticketId) {
        List<OutgoingCall> calls = new ArrayList<>();
        for (Attachment file : message.attachments()) {
            if (file.size() > UPLOAD_LIMIT_BYTES) {
                calls.addAll(OutgoingCall.text(reader.telegramId(), null, BotTexts.get(language, "file_in_app",
                        TelegramText.escape(file.filename()), (file.size() + 1024 * 1024 - 1) / (1024 * 1024)), "", null,
                        ticketId, true));
            } else {
                boolean photo = PHOTO_TYPES.contains(file.contentType()) && file.size() <= PHOTO_LIMIT_BYTES;
                calls.add(OutgoingCall.file(reader.telegramId(), photo ? OutgoingCall.PHOTO : OutgoingCall.DOCUMENT,
                        file.id(), reader.id(), ticketId, true));
            }
        }
        return calls;
    }

    private static String attachmentNote(MessageView message, Language language) {
        return message.attachments().isEmpty() ? ""
                : "\n\n📎 " + BotTexts.get(language, "attachments") + ": " + message.attachments().size();
    }

    /** Only people who have written to the bot can be written to (Telegram refuses the others). */
    private boolean startedTheBot(User person) {
        return database.inTransaction(handle -> handle.createQuery(
                        "SELECT EXISTS (SELECT 1 FROM telegram_conversations WHERE chat_id = :chat)")
                .bind("chat", person.telegramId()).mapTo(Boolean.class).one());
    }

    @Override
    public void close() {
        running = false;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
