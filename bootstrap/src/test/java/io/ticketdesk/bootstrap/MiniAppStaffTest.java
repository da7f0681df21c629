package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Staff in the Mini App: the queue's filters, taking a ticket, internal notes, history, people, statistics. */
class MiniAppStaffTest {

    @RegisterExtension
    static final MiniAppSession session = new MiniAppSession(DeskUnderTest::start);

    private static String ticket(DeskUnderTest on, String token, String title, String priority, String categoryId) {
        return on.post("/api/v1/tickets", token, Map.of("title", title, "description", "Details of " + title,
                "category_id", categoryId, "priority", priority)).json().path("id").asText();
    }

    private static List<String> titles(Browser browser) {
        return browser.all(".tickets .ticket-title").stream().map(e -> e.getText().replaceFirst("^#\\d+ ", "")).toList();
    }

    @Test
    void aHelperFiltersTheQueueTakesATicketAndWritesANoteTheCustomerNeverSees() {
        Browser browser = session.browser();
        DeskUnderTest desk = session.desk();
        DeskUnderTest.Person customer = desk.person(81_001, "Chen", "USER");
        DeskUnderTest.Person other = desk.person(81_003, "Olga", "HELPER");
        DeskUnderTest.Person helper = desk.person(81_002, "Ivan", "HELPER");
        String category = desk.categoryId();
        String urgent = ticket(desk, customer.token(), "Card charged twice", "HIGH", category);
        ticket(desk, customer.token(), "Dark theme please", "LOW", category);
        String taken = ticket(desk, customer.token(), "Export misses a column", "HIGH", category);
        desk.put("/api/v1/tickets/" + taken, other.token(), Map.of("assigned_to", other.id()));

        browser.telegram(desk.initData(81_002, "Ivan"), 81_002, "Ivan", "en", "light", null);
        browser.open(desk, null);
        browser.text("h1", "Queue");
        browser.until(d -> titles(browser).size() == 3 ? true : null, "three tickets in the queue");
        new Select(browser.find("#f-assignee")).selectByValue("none");
        browser.until(d -> titles(browser).size() == 2 ? true : null, "the unassigned tickets only");
        new Select(browser.find("#f-priority")).selectByValue("HIGH");
        browser.until(d -> titles(browser).equals(List.of("Card charged twice")) ? true : null, "the one unassigned HIGH ticket");
        Screens.both(browser, "staff-queue-filtered");
        new Select(browser.find("#f-priority")).selectByValue("");
        new Select(browser.find("#f-assignee")).selectByValue("");
        browser.find("#search").sendKeys("column");
        browser.until(d -> titles(browser).equals(List.of("Export misses a column")) ? true : null, "the search result");
        browser.find("#search").clear();
        browser.script("const s = document.getElementById('search'); s.value = '';"
                + "s.dispatchEvent(new Event('input', { bubbles: true }));");
        browser.until(d -> titles(browser).size() == 3 ? true : null, "the whole queue again");
        Screens.both(browser, "staff-queue");

        browser.text(".tickets .ticket-title", "Card charged twice").click();
        browser.text(".ticket-head h1", "Card charged twice");
        browser.click("#take");
        browser.text(".controls .assignee", "Ivan");
        assertEquals(helper.id(), desk.get("/api/v1/tickets/" + urgent, helper.token()).json().at("/assigned_to/id").asText());

        String helperTab = browser.newTab();
        browser.telegram(desk.initData(81_001, "Chen"), 81_001, "Chen", "en", "light", null);
        browser.open(desk, "#/t/" + urgent);
        browser.text(".ticket-head h1", "Card charged twice");
        String customerTab = browser.driver().getWindowHandle();
        browser.switchTo(helperTab);
        browser.click("#internal");
        browser.find("#chat-text").sendKeys("Refund approved by finance, do not promise dates");
        browser.click("#send");
        browser.text(".message.internal", "Refund approved by finance");
        browser.find("#chat-text").sendKeys("We are refunding the second charge.");
        browser.click("#internal");
        browser.click("#send");
        browser.text(".message", "We are refunding the second charge.");
        assertEquals(1, browser.all(".message.internal").size(), "the public reply is not a note");
        Screens.both(browser, "staff-ticket");

        browser.click("#tab-history");
        browser.text(".timeline", "Ivan");
        Screens.both(browser, "staff-ticket-history");
        browser.click("#tab-chat");
        new Select(browser.find("#ticket-status")).selectByValue("WAITING_RESPONSE");
        browser.until(d -> desk.get("/api/v1/tickets/" + urgent, helper.token()).json().path("status").asText()
                .equals("WAITING_RESPONSE") ? true : null, "the status change to be stored");

        browser.switchTo(customerTab);
        browser.text(".message", "We are refunding the second charge.");
        browser.text(".banner.waiting", "waiting for your answer");
        assertFalse(browser.driver().getPageSource().contains("Refund approved by finance"),
                "the customer's open page never shows the internal note");
        assertTrue(browser.all(".message.internal").isEmpty());
        browser.plainBrowser();
        browser.driver().close();
        browser.switchTo(helperTab);
    }

    @Test
    void anAdminBlocksAUserAndChangesARole() {
        Browser browser = session.browser();
        DeskUnderTest desk = session.desk();
        DeskUnderTest.Person admin = desk.person(82_001, "Alex", "ADMIN");
        DeskUnderTest.Person boris = desk.person(82_002, "Boris", "USER");
        DeskUnderTest.Person farid = desk.person(82_003, "Farid", "USER");
        browser.telegram(desk.initData(82_001, "Alex"), 82_001, "Alex", "en", "light", null);
        browser.open(desk, "#/users");
        browser.text(".people", "Boris");
        Screens.both(browser, "admin-people");

        browser.find("#people-search").sendKeys("Farid");
        browser.until(d -> browser.all(".person").size() == 1 ? true : null, "only Farid");
        new Select(browser.find("#role-" + farid.id())).selectByValue("HELPER");
        browser.until(d -> desk.get("/api/v1/auth/me", farid.token()).json().path("role").asText().equals("HELPER")
                ? true : null, "Farid to become a helper");
        browser.script("const s = document.getElementById('people-search'); s.value = 'Boris';"
                + "s.dispatchEvent(new Event('input', { bubbles: true }));");
        browser.until(d -> browser.all("[data-user-id='" + boris.id() + "']").size() == 1 ? true : null, "Boris's row");
        browser.click("[data-user-id='" + boris.id() + "'] [data-action='block']");
        browser.text("[data-user-id='" + boris.id() + "']", "Blocked");
        assertEquals(403, desk.get("/api/v1/auth/me", boris.token()).status(), "a blocked user is refused at once");
        assertEquals("USER_BLOCKED", desk.get("/api/v1/auth/me", boris.token()).errorCode());
        assertEquals(200, desk.get("/api/v1/auth/me", admin.token()).status());
    }

    @Test
    void statisticsDrawTheirChartsFromAKnownDataSet() {
        Browser browser = session.browser();
        try (DeskUnderTest fresh = DeskUnderTest.start()) {
            DeskUnderTest.Person customer = fresh.person(83_001, "Dana", "USER");
            DeskUnderTest.Person helper = fresh.person(83_002, "Ivan", "HELPER");
            List<String> categories = fresh.get("/api/v1/categories", customer.token()).json().findValuesAsText("id");
            String first = ticket(fresh, customer.token(), "One", "HIGH", categories.get(0));
            ticket(fresh, customer.token(), "Two", "NORMAL", categories.get(0));
            ticket(fresh, customer.token(), "Three", "LOW", categories.get(1));
            fresh.post("/api/v1/tickets/" + first + "/messages", helper.token(), Map.of("content", "On it"));
            fresh.put("/api/v1/tickets/" + first, helper.token(), Map.of("status", "RESOLVED"));

            browser.telegram(fresh.initData(83_002, "Ivan"), 83_002, "Ivan", "en", "light", null);
            browser.open(fresh, "#/stats");
            browser.text("#stat-total", "3");
            browser.text("#bars-status", "Resolved");
            List<String> statusRows = browser.all("#bars-status li").stream().map(WebElement::getText).toList();
            assertTrue(statusRows.get(0).contains("Open") && statusRows.get(0).endsWith("2"), statusRows.toString());
            assertTrue(statusRows.get(3).contains("Resolved") && statusRows.get(3).endsWith("1"), statusRows.toString());
            List<String> categoryRows = browser.all("#bars-category li").stream().map(WebElement::getText).toList();
            assertTrue(categoryRows.get(0).endsWith("2 · 67%"), categoryRows.toString());
            assertTrue(categoryRows.get(1).endsWith("1 · 33%"), categoryRows.toString());
            browser.find("#chart-per-day canvas");
            browser.text(".helpers", "Ivan");
            assertEquals("1", browser.find(".helpers tbody td:nth-child(2)").getText());
            Screens.both(browser, "staff-statistics");
        }
    }
}
