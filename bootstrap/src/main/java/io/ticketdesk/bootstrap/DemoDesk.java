package io.ticketdesk.bootstrap;

import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.categories.CreateCategoryCommand;
import io.ticketdesk.application.port.in.categories.CreateCategoryUseCase;
import io.ticketdesk.application.port.in.categories.ListCategoriesQuery;
import io.ticketdesk.application.port.in.files.UploadFileCommand;
import io.ticketdesk.application.port.in.files.UploadFileUseCase;
import io.ticketdesk.application.port.in.messages.PostMessageCommand;
import io.ticketdesk.application.port.in.messages.PostMessageUseCase;
import io.ticketdesk.application.port.in.tickets.CreateTicketCommand;
import io.ticketdesk.application.port.in.tickets.CreateTicketUseCase;
import io.ticketdesk.application.port.in.tickets.UpdateTicketCommand;
import io.ticketdesk.application.port.in.tickets.UpdateTicketUseCase;
import io.ticketdesk.application.port.in.users.UserFilter;
import io.ticketdesk.application.port.out.persistence.UserDirectory;
import io.ticketdesk.application.service.auth.EnterDemoService;
import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.categories.Category;
import io.ticketdesk.domain.tickets.TicketPriority;
import io.ticketdesk.domain.tickets.TicketStatus;
import io.ticketdesk.domain.users.Role;
import io.ticketdesk.domain.users.User;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * The local demo's desk (SPEC §9): people of every role, a month of tickets in every status with
 * replies, an internal note and an attachment, all made through the use cases as people would,
 * each at its own moment of the past month (the service's clock is pinned while this runs).
 */
final class DemoDesk {

    /** The use cases the demo is made with, wired to the pinned clock. */
    record UseCases(EnterDemoService people, UserDirectory directory, ListCategoriesQuery categories,
                    CreateCategoryUseCase createCategory, CreateTicketUseCase createTicket,
                    UpdateTicketUseCase updateTicket, PostMessageUseCase postMessage, UploadFileUseCase upload) {
    }

    private static final int DAYS = 30;

    private final UseCases useCases;
    private final PinnableClock clock;
    private final Random random = new Random(20240101L);
    private final List<Step> steps = new ArrayList<>();

    private DemoDesk(UseCases useCases, PinnableClock clock) {
        this.useCases = useCases;
        this.clock = clock;
    }

    /** Fills the database when nobody uses it yet; returns whether it did. */
    static boolean seedIfEmpty(UseCases useCases, PinnableClock clock) {
        if (useCases.directory().users(UserFilter.none(), new PageRequest(1, 1)).total() > 0) {
            return false;
        }
        Instant now = clock.instant();
        try {
            new DemoDesk(useCases, clock).seed(now);
        } finally {
            clock.unpin();
        }
        return true;
    }

    private record Step(Instant at, Runnable action) {
    }

    /** A ticket being written into the past: filled in when its creation step runs. */
    private static final class Seeded {
        UUID id;
    }

    private record Story(String title, String description, int category, TicketPriority priority, String reply,
                         String answer) {
    }

    private static final List<Story> STORIES = List.of(
            new Story("Не проходит оплата картой", "При оплате подписки картой Visa появляется ошибка «Операция отклонена». Деньги не списались.",
                    0, TicketPriority.HIGH, "Здравствуйте! Проверяем платёж, пришлите, пожалуйста, последние 4 цифры карты.", "Карта заканчивается на 4417."),
            new Story("Приложение падает при открытии чата", "После обновления до версии 3.2 приложение закрывается, как только открываю любой чат. Android 14.",
                    1, TicketPriority.CRITICAL, "Спасибо за сообщение! Уже воспроизвели, исправление выйдет сегодня.", "Спасибо, жду."),
            new Story("Как вернуть деньги за подписку?", "Случайно продлил годовую подписку, хочу оформить возврат.",
                    0, TicketPriority.NORMAL, "Оформили возврат, деньги придут в течение 5 рабочих дней.", "Отлично, спасибо!"),
            new Story("Не приходит код подтверждения", "Пытаюсь войти в аккаунт, но SMS с кодом не приходит уже час.",
                    2, TicketPriority.HIGH, "Отправили код повторно через звонок. Получилось войти?", "Да, вошёл."),
            new Story("Export to CSV is missing columns", "The exported CSV has no 'created by' column, although the table shows it.",
                    1, TicketPriority.LOW, "Thanks! The column comes back in the next release.", "Great, thank you."),
            new Story("Добавьте тёмную тему", "Было бы здорово иметь тёмную тему в веб-версии, вечером глаза устают.",
                    3, TicketPriority.LOW, "Отличная идея, передали команде продукта.", "Спасибо!"),
            new Story("Двойное списание за месяц", "В выписке два платежа по 499 ₽ за один и тот же месяц.",
                    0, TicketPriority.CRITICAL, "Видим второе списание, оформляем возврат.", "Жду возврата."),
            new Story("Can't change my e-mail", "The settings page says 'e-mail already in use', but it is my own old address.",
                    2, TicketPriority.NORMAL, "We freed the old address, please try again.", "Worked, thanks."),
            new Story("Синхронизация зависает на 99%", "Синхронизация контактов доходит до 99% и дальше не двигается.",
                    1, TicketPriority.NORMAL, "Попробуйте выйти и войти заново, это сбросит кэш.", "Не помогло, всё так же."),
            new Story("Уведомления приходят с опозданием", "Push-уведомления приходят через 10–15 минут после сообщения.",
                    1, TicketPriority.NORMAL, "Проверьте, пожалуйста, что для приложения отключена экономия батареи.", "Отключил, стало лучше."),
            new Story("Invoice for my company", "I need an invoice with our VAT number for the last three months.",
                    0, TicketPriority.NORMAL, "Invoices are attached to your account page now.", "Found them, thanks."),
            new Story("Аккаунт заблокирован без причины", "Не могу войти: пишет, что аккаунт заблокирован. Я ничего не нарушал.",
                    2, TicketPriority.HIGH, "Проверили: блокировка была ошибочной, сняли её.", "Спасибо, всё работает."));

    private static final String[] NOTES = {
            "Похоже на тот же баг, что в прошлую пятницу; держу в курсе разработку.",
            "Клиент с корпоративного тарифа, отвечаем в приоритете."};

    private void seed(Instant now) {
        Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS));
        clock.pin(start);
        User admin = useCases.people().enter(Role.ADMIN);
        User moderator = useCases.people().enter(Role.MODERATOR);
        User ivan = useCases.people().enter(Role.HELPER);
        User olga = useCases.people().ensure(EnterDemoService.person(5, "Olga", "Kim", "olga_support", "ru"), Role.HELPER);
        List<User> staff = List.of(ivan, olga, moderator);
        List<User> customers = new ArrayList<>(List.of(useCases.people().enter(Role.USER),
                useCases.people().ensure(EnterDemoService.person(6, "Boris", "Volkov", "boris_v", "ru"), Role.USER),
                useCases.people().ensure(EnterDemoService.person(7, "Chen", "Wei", "chen_w", "en"), Role.USER),
                useCases.people().ensure(EnterDemoService.person(8, "Elena", "Orlova", null, "ru"), Role.USER),
                useCases.people().ensure(EnterDemoService.person(9, "Farid", "Aliev", "farid", "ru"), Role.USER),
                useCases.people().ensure(EnterDemoService.person(10, "Grace", "Hopper", "grace_h", "en"), Role.USER)));
        List<Category> categories = new ArrayList<>(useCases.categories().list(admin, false));
        categories.add(useCases.createCategory().create(new CreateCategoryCommand(admin, "Аккаунт и вход",
                "Вход, пароли, блокировки", "🔐", "#8e44ad", 3)));
        categories.add(useCases.createCategory().create(new CreateCategoryCommand(admin, "Предложения",
                "Идеи и пожелания", "💡", "#d68910", 4)));

        int n = 0;
        for (int day = 0; day < DAYS; day++) {
            int today = 1 + random.nextInt(3);
            for (int i = 0; i < today; i++, n++) {
                Instant createdAt = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(8 * 60 + random.nextInt(10 * 60)));
                User author = customers.get(n % customers.size());
                User helper = staff.get(random.nextInt(staff.size()));
                plan(STORIES.get(n % STORIES.size()), createdAt, now, author, helper, categories, admin);
            }
        }
        // fresh tickets nobody has answered yet, whatever the hour of the start: the queue always shows OPEN work
        for (int fresh = 0; fresh < 2; fresh++, n++) {
            plan(STORIES.get(n % STORIES.size()), now.minus(Duration.ofMinutes(40 + 70L * fresh)), now,
                    customers.get(n % customers.size()), staff.get(0), categories, admin);
        }
        // Anna's own showcase: a fresh ticket with a screenshot and an internal note between staff
        Instant recent = now.minus(Duration.ofHours(3));
        Seeded showcase = new Seeded();
        at(recent, () -> showcase.id = useCases.createTicket().create(new CreateTicketCommand(customers.get(0),
                "Ошибка при оплате в приложении", "На экране оплаты появляется красное окно с ошибкой, скриншот ниже.",
                categories.get(0).id(), TicketPriority.HIGH)).ticket().id());
        at(recent.plusSeconds(60), () -> {
            UUID file = useCases.upload().upload(new UploadFileCommand(customers.get(0), "payment-error.png",
                    new ByteArrayInputStream(screenshot()))).id();
            post(customers.get(0), showcase, "Вот скриншот ошибки.", false, List.of(file));
        });
        at(recent.plus(Duration.ofMinutes(40)), () -> post(ivan, showcase,
                "Анна, спасибо за скриншот! Проверяем платёжный шлюз.", false, List.of()));
        at(recent.plus(Duration.ofMinutes(45)), () -> post(ivan, showcase, NOTES[0], true, List.of()));
        at(recent.plus(Duration.ofMinutes(50)), () -> post(moderator, showcase, NOTES[1], true, List.of()));

        steps.sort(Comparator.comparing(Step::at));
        for (Step step : steps) {
            clock.pin(step.at());
            step.action().run();
        }
    }

    /** One ticket's life, cut short wherever "now" falls; recent tickets are still being worked on. */
    private void plan(Story story, Instant createdAt, Instant now, User author, User helper, List<Category> categories,
                      User admin) {
        Seeded ticket = new Seeded();
        Category category = categories.get(Math.min(story.category(), categories.size() - 1));
        at(createdAt, () -> ticket.id = useCases.createTicket().create(new CreateTicketCommand(author, story.title(),
                story.description(), category.id(), story.priority())).ticket().id());
        long ageHours = Duration.between(createdAt, now).toHours();
        int fate = random.nextInt(10);
        if (ageHours < 5 || (ageHours < 72 && fate < 3)) {
            return; // still OPEN: nobody has answered yet
        }
        Instant replied = createdAt.plus(Duration.ofMinutes(20 + random.nextInt((int) Math.min(6 * 60, ageHours * 30))));
        at(replied, () -> post(helper, ticket, story.reply(), false, List.of()));
        if (ageHours < 48 && fate < 6) {
            return; // IN_PROGRESS
        }
        if (fate == 6 && ageHours < 24 * 10) {
            at(replied.plusSeconds(30), () -> status(helper, ticket, TicketStatus.WAITING_RESPONSE));
            return; // WAITING_RESPONSE: the customer has not answered
        }
        Instant answered = replied.plus(Duration.ofMinutes(30 + random.nextInt(240)));
        if (answered.isAfter(now.minus(Duration.ofMinutes(30)))) {
            return;
        }
        at(answered, () -> post(author, ticket, story.answer(), false, List.of()));
        Instant resolved = answered.plus(Duration.ofHours(2 + random.nextInt(30)));
        if (resolved.isAfter(now.minus(Duration.ofHours(1)))) {
            return;
        }
        at(resolved, () -> status(helper, ticket, TicketStatus.RESOLVED));
        // resolved tickets older than a week would be closed by AUTO_CLOSE_AFTER anyway: their authors close them
        if (Duration.between(resolved, now).toDays() >= 5 || fate == 9) {
            at(resolved.plus(Duration.ofHours(1 + random.nextInt(20))), () -> status(author, ticket, TicketStatus.CLOSED));
        }
    }

    private void at(Instant when, Runnable action) {
        steps.add(new Step(when, action));
    }

    private void post(User author, Seeded ticket, String text, boolean internal, List<UUID> files) {
        useCases.postMessage().post(new PostMessageCommand(author, ticket.id, text, internal, files));
    }

    private void status(User actor, Seeded ticket, TicketStatus status) {
        useCases.updateTicket().update(new UpdateTicketCommand(actor, ticket.id, FieldUpdate.unchanged(),
                FieldUpdate.unchanged(), FieldUpdate.set(status), FieldUpdate.unchanged(), FieldUpdate.unchanged(),
                OptionalLong.empty()));
    }

    /** A small picture of a payment form with a red error box, drawn rather than shipped. */
    static byte[] screenshot() {
        BufferedImage image = new BufferedImage(360, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xF4F6F8));
        g.fillRect(0, 0, 360, 240);
        g.setColor(Color.WHITE);
        g.fillRoundRect(30, 24, 300, 192, 16, 16);
        g.setColor(new Color(0xD0D7DE));
        for (int y = 56; y <= 120; y += 32) {
            g.fillRoundRect(54, y, 252, 20, 8, 8);
        }
        g.setColor(new Color(0xE5484D));
        g.fillRoundRect(54, 156, 252, 40, 10, 10);
        g.setColor(Color.WHITE);
        g.fillOval(66, 166, 20, 20);
        g.setColor(new Color(0xE5484D));
        g.fillRect(74, 170, 4, 8);
        g.fillRect(74, 180, 4, 3);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
