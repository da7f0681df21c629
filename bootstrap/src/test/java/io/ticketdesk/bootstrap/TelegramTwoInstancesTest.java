package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import io.ticketdesk.adapters.telegram.fake.FakeTelegram.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the whole service on one database, the bot polling the fake Bot API: one polls
 * at a time, both send (each notice once, in order per chat), and when the leader stops the other
 * takes over without losing or repeating an update. The instances reach the fake by two spellings
 * of its address, so its record tells whose call each was.
 */
class TelegramTwoInstancesTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private long nextMessageId = 1;

    @Test
    void onePollsBothSendInOrderAndTheOtherTakesOverWithoutLosingOrRepeatingAnUpdate() throws Exception {
        try (FakeTelegram telegram = FakeTelegram.start()) {
            int port = telegram.baseUrl().getPort();
            String hostA = "127.0.0.1:" + port;
            String hostB = "localhost:" + port;
            DeskUnderTest a = DeskUnderTest.start(Map.of("BOT_TOKEN", FakeTelegram.TOKEN, "TELEGRAM_MODE", "polling",
                    "TELEGRAM_API_URL", "http://" + hostA));
            boolean aRunning = true;
            DeskUnderTest b = null;
            try {
                assertTrue(await(() -> leader(a), WAIT), "the first instance leads");
                b = a.secondInstance(Map.of("TELEGRAM_API_URL", "http://" + hostB));
                DeskUnderTest second = b;

                // customers start the bot; staff answer each of them four times, through A and B in turn
                DeskUnderTest.Person helper = a.person(8_000, "Helga", "HELPER");
                List<Long> customers = LongStream.rangeClosed(8_001, 8_006).boxed().toList();
                for (long customer : customers) {
                    say(telegram, customer, "/start");
                }
                Map<Long, String> tickets = new HashMap<>();
                for (long customer : customers) {
                    awaitText(telegram, customer, "Hello, C" + customer);
                    DeskUnderTest.Person person = a.person(customer, "C" + customer, "USER");
                    tickets.put(customer, a.post("/api/v1/tickets", person.token(), Map.of("title", "T" + customer,
                            "description", "d", "category_id", a.categoryId())).json().path("id").asText());
                }
                for (int i = 1; i <= 4; i++) {
                    DeskUnderTest through = i % 2 == 1 ? a : second;
                    for (long customer : customers) {
                        assertEquals(201, through.post("/api/v1/tickets/" + tickets.get(customer) + "/messages",
                                helper.token(), Map.of("content", "answer " + i + " to " + customer)).status());
                    }
                }
                for (long customer : customers) {
                    awaitText(telegram, customer, "answer 4 to " + customer);
                }
                List<Call> sends = telegram.calls(call -> call.method().equalsIgnoreCase("sendMessage")
                        && call.status() == 200);
                assertTrue(sends.stream().anyMatch(call -> call.host().equals(hostA)), "A sends");
                assertTrue(sends.stream().anyMatch(call -> call.host().equals(hostB)), "B sends");
                assertTrue(telegram.calls("getUpdates").stream().allMatch(call -> call.host().equals(hostA)
                        && call.status() == 200), "only the leader polled, and was never refused");
                assertTrue(leader(a));
                assertFalse(leader(second));

                // people keep writing while the leader stops
                List<Long> writers = LongStream.rangeClosed(8_101, 8_110).boxed().toList();
                for (long writer : writers.subList(0, 5)) {
                    say(telegram, writer, "/start");
                }
                a.close();
                aRunning = false;
                for (long writer : writers.subList(5, 10)) {
                    say(telegram, writer, "/start");
                }
                assertTrue(await(() -> leader(second), WAIT), "B takes over");
                for (long writer : writers) {
                    awaitText(telegram, writer, "Hello, C" + writer);
                }
                // one more through B alone: anything handled twice would have been answered before it
                say(telegram, 8_199, "/start");
                awaitText(telegram, 8_199, "Hello, C8199");

                for (long writer : writers) {
                    assertEquals(1, telegram.sentTo(writer).stream().filter(call -> call.text().contains("Hello")).count(),
                            "update of " + writer + " handled once");
                }
                assertEquals(0, second.count("SELECT count(*) FROM telegram_updates WHERE handled_at IS NULL"));
                assertEquals(customers.size() + writers.size() + 1, second.count("SELECT count(*) FROM telegram_updates"));
                for (long customer : customers) {
                    List<String> answers = new ArrayList<>();
                    for (Call call : telegram.sentTo(customer)) {
                        if (call.text().contains("answer ")) {
                            answers.add(call.text().substring(call.text().indexOf("answer ")));
                        }
                    }
                    assertEquals(List.of("answer 1 to " + customer, "answer 2 to " + customer,
                            "answer 3 to " + customer, "answer 4 to " + customer), answers,
                            "each notice once and in order");
                }

                List<Call> polls = telegram.calls("getUpdates");
                List<Call> byB = polls.stream().filter(call -> call.host().equals(hostB)).toList();
                List<Call> byA = polls.stream().filter(call -> call.host().equals(hostA)).toList();
                assertFalse(byB.isEmpty());
                assertTrue(byA.subList(0, byA.size() - 1).stream()
                                .allMatch(call -> !call.answered().isAfter(byB.get(0).at())),
                        "B polled only after A's polls had ended, but for A's last, left open when it stopped");
                assertTrue(byB.stream().allMatch(call -> call.status() == 200), "B was never refused");
                // A's last long poll, left open when it stopped, is the only one Telegram may end with 409
                assertTrue(byA.stream().filter(call -> call.status() != 200).count() <= 1
                        && byA.subList(0, byA.size() - 1).stream().allMatch(call -> call.status() == 200));
            } finally {
                if (b != null) {
                    b.close();
                }
                if (aRunning) {
                    a.close();
                }
            }
        }
    }

    private void say(FakeTelegram telegram, long user, String text) {
        telegram.pushUpdate(FakeTelegram.privateText(user, "C" + user, "en", nextMessageId++, text));
    }

    private static void awaitText(FakeTelegram telegram, long chat, String fragment) {
        assertTrue(telegram.awaitCalls(calls -> calls.stream().anyMatch(call -> call.status() == 200
                        && call.chatId() == chat && call.text() != null && call.text().contains(fragment)), WAIT),
                "no message with \"" + fragment + "\" to " + chat + "; sent: "
                        + telegram.sentTo(chat).stream().map(Call::text).toList());
    }

    private static boolean leader(DeskUnderTest desk) {
        return desk.get("/health", null).json().path("bot").path("leader").asBoolean(false);
    }

    private static boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
