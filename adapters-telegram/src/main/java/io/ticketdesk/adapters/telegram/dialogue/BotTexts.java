package io.ticketdesk.adapters.telegram.dialogue;

import io.ticketdesk.domain.tickets.TicketPriority;
import java.util.Map;

/** Every sentence the bot says, in Russian and English; {@code {0}}, {@code {1}} are filled in (already escaped). */
public final class BotTexts {

    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("welcome", new String[] {
                    "Здравствуйте, {0}! Это служба поддержки.\n\n/new — новое обращение\n/tickets — мои обращения\n/help — помощь",
                    "Hello, {0}! This is the support desk.\n\n/new — open a ticket\n/tickets — my tickets\n/help — help"}),
            Map.entry("help", new String[] {
                    "Что умеет бот:\n/new — новое обращение\n/tickets — открытые обращения\n/cancel — отменить текущий шаг\n/help — эта справка\n\nОтветьте на сообщение об обращении, чтобы дописать в него. Фото и документы тоже можно.",
                    "What the bot does:\n/new — open a ticket\n/tickets — your open tickets\n/cancel — leave the current step\n/help — this help\n\nReply to a message about a ticket to add to it. Photos and documents work too."}),
            Map.entry("help_staff", new String[] {
                    "Для сотрудников:\n/notify off — не присылать мне уведомления о назначенных обращениях и новых сообщениях авторов\n/notify on — присылать снова\n/notify — что включено сейчас",
                    "For staff:\n/notify off — stop private notices of tickets assigned to you and of their authors' new messages\n/notify on — send them again\n/notify — what is set now"}),
            Map.entry("notify_off", new String[] {
                    "Уведомления выключены: о назначенных вам обращениях и новых сообщениях авторов здесь больше не будет. Включить снова: /notify on",
                    "Notices are off: you will no longer hear here of tickets assigned to you or of their authors' new messages. To turn them back on: /notify on"}),
            Map.entry("notify_on", new String[] {
                    "Уведомления включены: здесь будут назначенные вам обращения и новые сообщения их авторов. Выключить: /notify off",
                    "Notices are on: you will hear here of tickets assigned to you and of their authors' new messages. To turn them off: /notify off"}),
            Map.entry("notify_state_on", new String[] {
                    "Уведомления сейчас включены. /notify off — выключить, /notify on — включить.",
                    "Notices are on now. /notify off turns them off, /notify on turns them on."}),
            Map.entry("notify_state_off", new String[] {
                    "Уведомления сейчас выключены. /notify on — включить, /notify off — выключить.",
                    "Notices are off now. /notify on turns them on, /notify off turns them off."}),
            Map.entry("notify_customer", new String[] {
                    "/notify — для сотрудников поддержки. Ответы по вашим обращениям приходят всегда: так поддержка отвечает вам. Закрыть обращение можно в /tickets.",
                    "/notify is for support staff. Answers on your own tickets always come here: this is how support answers you. You can close a ticket in /tickets."}),
            Map.entry("open_app", new String[] {"Открыть", "Open"}),
            Map.entry("open_desk", new String[] {"Открыть службу поддержки", "Open the desk"}),
            Map.entry("choose_category", new String[] {"Выберите категорию:", "Choose a category:"}),
            Map.entry("no_categories", new String[] {"Сейчас нельзя открыть обращение: нет ни одной категории.",
                    "No ticket can be opened right now: there are no categories."}),
            Map.entry("use_buttons", new String[] {"Выберите категорию кнопкой выше или /cancel.",
                    "Pick a category with the buttons above, or /cancel."}),
            Map.entry("ask_title", new String[] {"Категория: {0}. Коротко опишите проблему (заголовок, до 200 символов):",
                    "Category: {0}. Sum the problem up in a line (the title, up to 200 characters):"}),
            Map.entry("title_bad", new String[] {"Заголовок — одна строка текста до 200 символов. Попробуйте ещё раз:",
                    "The title is one line of text, up to 200 characters. Please try again:"}),
            Map.entry("ask_description", new String[] {"Теперь опишите подробно. Можно приложить фото и документы.",
                    "Now describe it in detail. You may attach photos and documents."}),
            Map.entry("got_attachment", new String[] {"Вложение получено ({0}). Пришлите описание текстом.",
                    "Attachment received ({0}). Please send the description as text."}),
            Map.entry("description_bad", new String[] {"Описание — текст до 10 000 символов. Попробуйте ещё раз:",
                    "The description is text of up to 10,000 characters. Please try again:"}),
            Map.entry("created", new String[] {"Обращение <b>#{0}</b> создано: {1}\nМы ответим здесь. Чтобы дописать, ответьте на это сообщение.",
                    "Ticket <b>#{0}</b> is open: {1}\nWe will answer here. To add something, reply to this message."}),
            Map.entry("cancelled", new String[] {"Отменено.", "Cancelled."}),
            Map.entry("nothing_to_cancel", new String[] {"Нечего отменять.", "Nothing to cancel."}),
            Map.entry("unknown_command", new String[] {"Неизвестная команда. Список команд: /help",
                    "Unknown command. The commands are in /help"}),
            Map.entry("unsupported", new String[] {"Такие сообщения бот не понимает. Пришлите текст, фото или документ.",
                    "The bot cannot take this kind of message. Please send text, a photo or a document."}),
            Map.entry("no_tickets", new String[] {"Открытых обращений нет. Новое: /new", "You have no open tickets. New one: /new"}),
            Map.entry("ticket_line", new String[] {"<b>#{0}</b> {1}\nСтатус: {2}", "<b>#{0}</b> {1}\nStatus: {2}"}),
            Map.entry("close", new String[] {"Закрыть", "Close"}),
            Map.entry("added", new String[] {"Добавлено в обращение #{0}.", "Added to ticket #{0}."}),
            Map.entry("added_only_open", new String[] {"Добавлено в ваше открытое обращение #{0}.",
                    "Added to your open ticket #{0}."}),
            Map.entry("which_ticket", new String[] {"К какому обращению это относится?", "Which ticket is this about?"}),
            Map.entry("offer_new", new String[] {"Открытых обращений нет. Создать новое с этим текстом?",
                    "You have no open ticket. Open a new one with this text?"}),
            Map.entry("new_with_text", new String[] {"Новое обращение", "New ticket"}),
            Map.entry("ticket_closed", new String[] {"Обращение #{0} закрыто, в него нельзя писать. Новое: /new",
                    "Ticket #{0} is closed and takes no messages. New one: /new"}),
            Map.entry("ticket_gone", new String[] {"Этого обращения больше нет.", "That ticket is no longer there."}),
            Map.entry("stale_button", new String[] {"Эта кнопка больше не действует.", "This button no longer works."}),
            Map.entry("not_allowed", new String[] {"Это действие вам недоступно.", "You may not do that."}),
            Map.entry("closed_done", new String[] {"Обращение #{0} закрыто. Спасибо!", "Ticket #{0} is closed. Thank you!"}),
            Map.entry("reopened", new String[] {"Обращение #{0} снова открыто, мы продолжим работу.",
                    "Ticket #{0} is open again; we will keep working on it."}),
            Map.entry("blocked", new String[] {"Ваш доступ к службе поддержки заблокирован.",
                    "Your access to the support desk is blocked."}),
            Map.entry("limited.POST_MESSAGE", new String[] {
                    "Слишком много сообщений подряд: это сообщение <b>не сохранено</b>. Отправьте его снова через {0}. "
                            + "В течение {1} сообщения сверх лимита не сохраняются, и бот больше об этом не напишет.",
                    "Too many messages in a row: this one was <b>not saved</b>. Please send it again in {0}. "
                            + "For the next {1}, messages over the limit are not saved, and the bot will not say so again."}),
            Map.entry("limited.UPLOAD_FILE", new String[] {
                    "Слишком много файлов подряд: это сообщение с файлом <b>не сохранено</b>. Отправьте его снова через {0}. "
                            + "В течение {1} файлы сверх лимита не сохраняются, и бот больше об этом не напишет.",
                    "Too many files in a row: this message with its file was <b>not saved</b>. Please send it again in {0}. "
                            + "For the next {1}, files over the limit are not saved, and the bot will not say so again."}),
            Map.entry("limited.CREATE_TICKET", new String[] {
                    "Слишком много новых обращений подряд: новое обращение <b>не начато</b>. Откройте его через {0} "
                            + "или допишите в уже открытое (/tickets).",
                    "Too many new tickets in a row: no new ticket was <b>started</b>. Open it in {0}, "
                            + "or add to one already open (/tickets)."}),
            Map.entry("seconds", new String[] {"{0} с", "{0} s"}),
            Map.entry("minutes", new String[] {"{0} мин", "{0} min"}),
            Map.entry("file_too_big", new String[] {"Файл больше 20 МБ, его нельзя принять.",
                    "The file is larger than 20 MB and cannot be taken."}),
            Map.entry("file_failed", new String[] {"Файл не удалось получить, попробуйте ещё раз.",
                    "The file could not be fetched; please try again."}),
            Map.entry("attachments", new String[] {"Вложения", "Attachments"}),
            Map.entry("file_in_app", new String[] {"📎 {0} ({1} МБ) больше, чем бот может отправить в Telegram: файл доступен в приложении поддержки.",
                    "📎 {0} ({1} MB) is larger than a bot may send in Telegram: the file is in the desk's Mini App."}),
            Map.entry("too_long", new String[] {"Сообщение длиннее 10 000 символов. Сократите его, пожалуйста.",
                    "The message is longer than 10,000 characters. Please shorten it."}),
            Map.entry("staff_reply", new String[] {"<b>#{0}</b> {1} — ответ поддержки:\n", "<b>#{0}</b> {1} — support answered:\n"}),
            Map.entry("status_changed", new String[] {"<b>#{0}</b> {1}\nСтатус: {2}", "<b>#{0}</b> {1}\nStatus: {2}"}),
            Map.entry("assigned_to_you", new String[] {"Вам назначено обращение <b>#{0}</b> {1} (автор: {2}).",
                    "Ticket <b>#{0}</b> {1} is assigned to you (from {2})."}),
            Map.entry("resolved_question", new String[] {"Проблема решена?", "Is the problem solved?"}),
            Map.entry("solved", new String[] {"Решено", "Solved"}),
            Map.entry("not_solved", new String[] {"Не решено", "Not solved"}),
            Map.entry("status.OPEN", new String[] {"открыто", "open"}),
            Map.entry("status.IN_PROGRESS", new String[] {"в работе", "in progress"}),
            Map.entry("status.WAITING_RESPONSE", new String[] {"ждёт вашего ответа", "waiting for your answer"}),
            Map.entry("status.RESOLVED", new String[] {"решено", "resolved"}),
            Map.entry("status.CLOSED", new String[] {"закрыто", "closed"}),
            // the staff group, in STAFF_CHAT_LANGUAGE
            Map.entry("staff_anonymous", new String[] {
                    "Чтобы ответить на обращение, пишите от своего имени (отключите «Анонимность» в правах администратора).",
                    "To answer a ticket, write under your own name (turn off \"Remain anonymous\" in the admin rights)."}),
            Map.entry("staff_not_done", new String[] {"Не сделано: {0}", "Not done: {0}"}),
            Map.entry("staff_refused_role", new String[] {"ваша роль этого не позволяет.", "your role does not allow it."}),
            Map.entry("staff_refused_state", new String[] {"невозможно в текущем статусе обращения.",
                    "not possible in the ticket's current state."}),
            Map.entry("staff_refused_invalid", new String[] {"некорректный запрос.", "the request is not valid."}),
            Map.entry("staff_priority_bad", new String[] {"Приоритет — один из: low, normal, high, critical.",
                    "Priority is one of: low, normal, high, critical."}),
            Map.entry("staff_help", new String[] {
                    "В теме обращения или в ответе на сообщение о нём: /assign, /resolve, /close, /reopen, /priority low|normal|high|critical;"
                            + " текст — ответ автору обращения, текст с ! в начале — внутренняя заметка.",
                    "In a ticket's topic, or in a reply to a post about it: /assign, /resolve, /close, /reopen, /priority low|normal|high|critical;"
                            + " text answers the customer, text starting with ! is an internal note."}),
            Map.entry("staff_priority", new String[] {"приоритет {0}", "{0}"}),
            Map.entry("staff_assignee", new String[] {", исполнитель: {0}", ", {0}"}),
            Map.entry("staff_only", new String[] {"Только для сотрудников.", "Staff only."}),
            Map.entry("staff_taken", new String[] {"Назначено на вас.", "Assigned to you."}),
            Map.entry("staff_resolved", new String[] {"Решено.", "Resolved."}),
            Map.entry("staff_take", new String[] {"🙋 Взять", "🙋 Take"}),
            Map.entry("staff_resolve", new String[] {"✅ Решено", "✅ Resolve"}),
            Map.entry("staff_open_app", new String[] {"📱 Открыть в приложении", "📱 Open in the app"}),
            Map.entry("staff_status.OPEN", new String[] {"открыто", "open"}),
            Map.entry("staff_status.IN_PROGRESS", new String[] {"в работе", "in progress"}),
            Map.entry("staff_status.WAITING_RESPONSE", new String[] {"ждёт ответа автора", "waiting response"}),
            Map.entry("staff_status.RESOLVED", new String[] {"решено", "resolved"}),
            Map.entry("staff_status.CLOSED", new String[] {"закрыто", "closed"}),
            Map.entry("priority.LOW", new String[] {"низкий", "low"}),
            Map.entry("priority.NORMAL", new String[] {"обычный", "normal"}),
            Map.entry("priority.HIGH", new String[] {"высокий", "high"}),
            Map.entry("priority.CRITICAL", new String[] {"критический", "critical"}));

    private BotTexts() {
    }

    /** A priority as the staff group reads it ("high", "приоритет высокий"). */
    public static String staffPriority(Language language, TicketPriority priority) {
        return get(language, "staff_priority", get(language, "priority." + priority.name()));
    }

    public static String get(Language language, String key, Object... args) {
        String[] texts = TEXTS.get(key);
        if (texts == null) {
            throw new IllegalArgumentException("no bot text " + key);
        }
        String text = texts[language == Language.RU ? 0 : 1];
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
