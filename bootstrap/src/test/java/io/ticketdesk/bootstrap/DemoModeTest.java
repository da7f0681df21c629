package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC §9 "Trying it without Telegram": no BOT_TOKEN means a seeded desk on the loopback address only. */
class DemoModeTest {

    private static final String[] STATUSES = {"OPEN", "IN_PROGRESS", "WAITING_RESPONSE", "RESOLVED", "CLOSED"};
    private static DeskUnderTest demo;

    @BeforeAll
    static void start() {
        demo = DeskUnderTest.start(Collections.singletonMap("BOT_TOKEN", null));
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static String enter(String role) {
        DeskUnderTest.Response login = demo.post("/api/v1/auth/demo", null, Map.of("role", role));
        assertEquals(200, login.status(), login.body());
        assertEquals("bearer", login.json().path("token_type").asText());
        assertEquals(role, login.json().at("/user/role").asText());
        return login.json().path("access_token").asText();
    }

    @Test
    void everyRoleCanBeEnteredAndTheDeskIsSeededWithAMonthOfWork() {
        String admin = enter("ADMIN");
        enter("HELPER");
        enter("MODERATOR");
        String customer = enter("USER");

        for (String status : STATUSES) {
            assertTrue(demo.get("/api/v1/tickets?status=" + status, admin).json().path("total").asLong() > 0,
                    "some seeded ticket is " + status);
        }
        JsonNode perDay = demo.get("/api/v1/statistics/tickets", admin).json().path("created_per_day");
        long busyDays = 0;
        for (JsonNode day : perDay) {
            busyDays += day.path("count").asLong() > 0 ? 1 : 0;
        }
        assertTrue(busyDays >= 20, "tickets were created over the past month, not all today: " + perDay);
        assertTrue(demo.get("/api/v1/users?role=HELPER", admin).json().path("total").asLong() >= 2);

        JsonNode mine = demo.get("/api/v1/tickets?search=скриншот", customer).json().path("items");
        assertEquals(1, mine.size(), "the customer's showcase ticket");
        String showcase = mine.get(0).path("id").asText();
        JsonNode staffView = demo.get("/api/v1/tickets/" + showcase + "/messages", admin).json().path("items");
        JsonNode customerView = demo.get("/api/v1/tickets/" + showcase + "/messages", customer).json().path("items");
        assertTrue(staffView.findValuesAsText("is_internal").contains("true"), "staff see the internal notes");
        assertFalse(customerView.findValuesAsText("is_internal").contains("true"), "the customer does not");
        assertEquals("image/png", customerView.at("/0/attachments/0/content_type").asText());
        String picture = customerView.at("/0/attachments/0/url").asText();
        assertEquals(200, demo.download(picture, customer).statusCode());
        assertTrue(demo.get("/api/v1/tickets", customer).json().path("total").asLong()
                < demo.get("/api/v1/tickets", admin).json().path("total").asLong(), "a customer sees only theirs");
    }

    @Test
    void theDemoIsSeededOnceAndOnlyIntoAnEmptyDatabase() {
        String admin = enter("ADMIN");
        long before = demo.get("/api/v1/tickets", admin).json().path("total").asLong();
        demo.restart();
        assertEquals(before, demo.get("/api/v1/tickets", enter("ADMIN")).json().path("total").asLong());
    }

    @Test
    void theDemoEntryIsRefusedFromBehindAProxyAndForAnUnknownRole() {
        DeskUnderTest.Response proxied = demo.send("POST", "/api/v1/auth/demo", null, Map.of("role", "ADMIN"),
                "X-Forwarded-For", "203.0.113.7");
        assertEquals(404, proxied.status());
        assertEquals("NOT_FOUND", proxied.errorCode());
        DeskUnderTest.Response forwarded = demo.send("POST", "/api/v1/auth/demo", null, Map.of("role", "ADMIN"),
                "Forwarded", "for=203.0.113.7");
        assertEquals(404, forwarded.status());

        DeskUnderTest.Response unknown = demo.post("/api/v1/auth/demo", null, Map.of("role", "KING"));
        assertEquals(422, unknown.status());
        assertEquals(java.util.List.of("role"), unknown.errorFields());
        assertEquals(422, demo.post("/api/v1/auth/demo", null, Map.of()).status());
    }

    @Test
    void theDemoListensOnTheLoopbackAddressOnly() throws IOException {
        Optional<InetAddress> outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        int port = demo.uri("").getPort();
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
        if (outside.isPresent()) {
            assertThrows(IOException.class, () -> {
                try (Socket fromOutside = new Socket()) {
                    fromOutside.connect(new InetSocketAddress(outside.get(), port), 2000);
                }
            }, "the demo is not reachable on " + outside.get());
        }
    }

    @Test
    void withABotTokenThereIsNoDemo() {
        try (DeskUnderTest withBot = DeskUnderTest.start()) {
            DeskUnderTest.Response refused = withBot.post("/api/v1/auth/demo", null, Map.of("role", "ADMIN"));
            assertEquals(404, refused.status());
            assertEquals("NOT_FOUND", refused.errorCode());
            String admin = withBot.person(91_001, "Root", "ADMIN").token();
            assertEquals(0, withBot.get("/api/v1/tickets", admin).json().path("total").asLong(), "nothing was seeded");
            assertTrue(withBot.get("/", null).body().contains("name=\"desk-demo\" content=\"false\""));
        }
    }
}
