package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The README's first command as a newcomer sees it: no bot, a plain browser, the demo's role buttons, every role. */
class MiniAppDemoTest {

    @RegisterExtension
    static final MiniAppSession session = new MiniAppSession(
            () -> DeskUnderTest.start(Collections.singletonMap("BOT_TOKEN", null)));

    private static Browser browser() {
        return session.browser();
    }

    private static DeskUnderTest demo() {
        return session.desk();
    }

    @Test
    void aNewcomerEntersAsAdminThenAsCustomerAndSeesTheSeededDesk() {
        browser().plainBrowser();
        browser().open(demo(), null);
        browser().text(".demo h2", "Try the demo");
        Screens.both(browser(), "demo-login");

        browser().click("[data-role='ADMIN']");
        browser().text("h1", "Queue");
        browser().until(d -> browser().all(".tickets li").size() == 20 ? true : null, "a full first page of seeded tickets");
        browser().driver().findElement(org.openqa.selenium.By.tagName("html"));
        browser().script("window.scrollTo(0, document.body.scrollHeight)");
        browser().until(d -> browser().all(".tickets li").size() > 20 ? true : null, "the next page, loaded by scrolling");
        browser().script("window.scrollTo(0, 0)");
        Screens.both(browser(), "demo-admin-queue");
        browser().click("a[href='#/stats']");
        browser().find("#chart-per-day canvas");
        browser().text("#bars-category", "Аккаунт и вход");
        Screens.both(browser(), "demo-admin-statistics");
        browser().click("a[href='#/users']");
        browser().text(".people", "Olga");
        browser().click("a[href='#/profile']");
        browser().text(".screen .button.secondary", "Log out").click();

        browser().click("[data-role='USER']");
        browser().text("h1", "My tickets");
        browser().text(".tickets .ticket-title", "Ошибка при оплате в приложении").click();
        browser().find(".attachment.image img");
        browser().text(".messages", "Проверяем платёжный шлюз");
        assertTrue(browser().all(".message.internal").isEmpty(), "the customer sees no internal note");
        assertFalse(browser().driver().getPageSource().contains("корпоративного тарифа"));
        Screens.both(browser(), "demo-customer-ticket");
    }

    @Test
    void theAccessibilityCheckFailsOnTargetsTooSmallToTapAWcag22Rule() {
        browser().plainBrowser();
        browser().open(demo(), null);
        browser().text(".demo h2", "Try the demo");
        assertEquals(List.of(), Accessibility.violations(browser()), "the demo's first screen is clean");

        // two 12 px buttons side by side: under WCAG 2.2's 24 px minimum, and too close to be spared by spacing
        browser().script("""
                document.body.insertAdjacentHTML('beforeend',
                  '<div id="tiny"><button style="position:fixed;top:0;left:0;width:12px;height:12px;padding:0">a</button>'
                  + '<button style="position:fixed;top:0;left:13px;width:12px;height:12px;padding:0">b</button></div>');
                """);
        List<String> found = Accessibility.violations(browser());
        browser().script("document.getElementById('tiny').remove()");

        assertTrue(found.stream().anyMatch(line -> line.startsWith("target-size ")), "axe " + Accessibility.axeVersion(browser())
                + " checks WCAG 2.2's target size: " + found);
    }

    /** An API token of the demo's person with this role (the same person the role button enters as). */
    private static String token(String role) {
        DeskUnderTest.Response login = demo().post("/api/v1/auth/demo", null, Map.of("role", role));
        assertEquals(200, login.status(), login.body());
        return login.json().path("access_token").asText();
    }

    private static List<String> sections() {
        return browser().all("nav.tabs .tab").stream().map(WebElement::getText).toList();
    }

    /** Filters the queue and opens its first ticket; returns that ticket's id. */
    private static String openFirst(String status, String assignee) {
        browser().text("h1", "Queue");
        new Select(browser().find("#f-status")).selectByValue(status);
        new Select(browser().find("#f-assignee")).selectByValue(assignee);
        browser().until(d -> {
            List<WebElement> rows = browser().all(".tickets .ticket-row");
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.getText().contains(
                    status.equals("CLOSED") ? "Closed" : "Open")) ? true : null;
        }, "the queue filtered to " + status);
        browser().click(".tickets .ticket-row");
        browser().find(".ticket-head h1");
        return browser().driver().getCurrentUrl().replaceAll(".*#/t/", "");
    }

    @Test
    void aModeratorReopensAClosedTicketAndAssignsItToAnyHelperButAdministersNobody() {
        String moderator = token("MODERATOR");
        browser().plainBrowser();
        browser().open(demo(), null);
        browser().click("[data-role='MODERATOR']");
        browser().text("h1", "Queue");
        assertEquals(List.of("Queue", "Statistics", "People", "Profile"), sections());

        browser().click("a[href='#/users']");
        browser().text(".people", "Olga");
        assertTrue(browser().all(".people .person").size() >= 10, "the moderator sees everybody");
        assertTrue(browser().all(".people select, .people button").isEmpty(), "but changes no role and blocks nobody");
        Screens.both(browser(), "demo-moderator-people");

        browser().click("a[href='#/queue']");
        String closed = openFirst("CLOSED", "");
        assertEquals("CLOSED", demo().get("/api/v1/tickets/" + closed, moderator).json().path("status").asText());
        assertTrue(browser().all("#ticket-status option[disabled]").isEmpty(), "a moderator may move a closed ticket");
        browser().text(".banner.closed button", "Reopen").click();
        browser().text(".ticket-head .chip", "Open");
        assertEquals("OPEN", demo().get("/api/v1/tickets/" + closed, moderator).json().path("status").asText());

        assertTrue(browser().all("#take").isEmpty(), "a moderator assigns anyone rather than only taking");
        String olga = demo().get("/api/v1/users?search=Olga", moderator).json().at("/items/0/id").asText();
        new Select(browser().find("#ticket-assignee")).selectByValue(olga);
        browser().until(d -> olga.equals(demo().get("/api/v1/tickets/" + closed, moderator).json().at("/assigned_to/id")
                .asText()) ? true : null, "the ticket to be assigned to Olga");
        browser().text("#ticket-assignee option:checked", "Olga");
        Screens.both(browser(), "demo-moderator-ticket");
        browser().click("#tab-history");
        browser().text(".timeline", "Maria");
    }

    @Test
    void aHelperTakesAnOpenTicketButNeitherSeesPeopleNorReopensAClosedTicket() {
        String helper = token("HELPER");
        String helperId = demo().get("/api/v1/auth/me", helper).json().path("id").asText();
        browser().plainBrowser();
        browser().open(demo(), null);
        browser().click("[data-role='HELPER']");
        browser().text("h1", "Queue");
        assertEquals(List.of("Queue", "Statistics", "Profile"), sections());

        String closed = openFirst("CLOSED", "");
        browser().find(".banner.closed");
        assertTrue(browser().all(".banner.closed button").isEmpty(), "only a moderator reopens a closed ticket");
        List<String> allowed = browser().all("#ticket-status option:not([disabled])").stream()
                .map(o -> o.getAttribute("value")).toList();
        assertEquals(List.of("CLOSED"), allowed, "a helper cannot move a ticket out of CLOSED");
        assertEquals("CLOSED", demo().get("/api/v1/tickets/" + closed, helper).json().path("status").asText());

        browser().click(".back-link");
        String open = openFirst("OPEN", "none");
        assertTrue(browser().all("#ticket-assignee").isEmpty(), "a helper only takes a ticket for themselves");
        browser().click("#take");
        browser().text(".controls .assignee", "Ivan");
        JsonNode taken = demo().get("/api/v1/tickets/" + open, helper).json();
        assertEquals(helperId, taken.at("/assigned_to/id").asText());
        browser().find("#release");
        Screens.both(browser(), "demo-helper-ticket");

        browser().open(demo(), "#/users");
        browser().click("[data-role='HELPER']"); // a fresh session starts at the demo's login
        browser().find(".state.error");
        assertTrue(browser().all(".people").isEmpty(), "no people list for a helper");
        assertEquals(403, demo().get("/api/v1/users", helper).status(), "nor through the API");
    }
}
