package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** A customer in the Mini App inside (a stub of) Telegram: creating, talking live, closing; ru and en, light and dark. */
class MiniAppCustomerTest {

    @RegisterExtension
    static final MiniAppSession session = new MiniAppSession(DeskUnderTest::start);

    @Test
    void aCustomerCreatesATicketWithAPictureTalksToStaffLiveAndClosesIt() {
        Browser browser = session.browser();
        DeskUnderTest desk = session.desk();
        DeskUnderTest.Person helper = desk.person(71_002, "Ivan", "HELPER");
        browser.telegram(desk.initData(71_001, "Anna"), 71_001, "Anna", "en", "light", null);
        browser.open(desk, null);

        browser.text(".empty-title", "No tickets yet");
        Screens.both(browser, "customer-tickets-empty");
        browser.click(".screen-head a[href='#/new']");
        browser.click("#create-ticket");
        String required = desk.post("/api/v1/tickets", desk.logIn(71_009, "Probe"), Map.of())
                .json().at("/error/details/0/message").asText();
        assertEquals(required, browser.find("#title-error").getText(), "the API's own 422 text sits beside the field");
        assertEquals("true", browser.find("#title").getAttribute("aria-invalid"), "the title field is marked invalid");
        browser.find("#category_id-error");
        browser.find("#description-error");
        Screens.both(browser, "customer-new-ticket-errors");

        browser.click(".category-card");
        browser.find("#title").sendKeys("Payment fails at checkout");
        browser.find("#description").sendKeys("The card form shows a red error and nothing is charged.");
        new Select(browser.find("#priority")).selectByValue("HIGH");
        browser.driver().findElement(By.id("new-files")).sendKeys(Browser.picture("checkout.png").getAbsolutePath());
        browser.find(".upload img.thumb");
        browser.until(d -> d.findElements(By.cssSelector(".upload progress")).isEmpty() ? true : null, "the upload to finish");
        Screens.both(browser, "customer-new-ticket");
        browser.click("#create-ticket");

        browser.text(".ticket-head h1", "Payment fails at checkout");
        String ticketId = browser.driver().getCurrentUrl().replaceAll(".*#/t/", "");
        WebElement picture = browser.find(".attachment.image img");
        assertTrue(picture.getAttribute("src").startsWith("blob:"), "the attachment is shown from the fetched bytes");
        DeskUnderTest.Response stored = desk.get("/api/v1/tickets/" + ticketId, helper.token());
        assertEquals("HIGH", stored.json().path("priority").asText());
        assertEquals("#" + stored.json().path("number").asText() + " Payment fails at checkout",
                browser.find(".ticket-head h1").getText(), "the ticket's number is shown");
        assertEquals("checkout.png", desk.get("/api/v1/tickets/" + ticketId + "/messages", helper.token())
                .json().at("/items/0/attachments/0/filename").asText());

        try (LiveClient staff = LiveClient.open(desk, ticketId, helper.token())) {
            staff.send("{\"type\":\"typing\",\"data\":{\"is_typing\":true}}");
            browser.text(".typing", "Ivan is typing");
        }
        desk.post("/api/v1/tickets/" + ticketId + "/messages", helper.token(),
                Map.of("content", "We see it too, a fix is on its way.", "is_internal", false));
        browser.text(".messages .message", "We see it too, a fix is on its way.");
        desk.post("/api/v1/tickets/" + ticketId + "/messages", helper.token(),
                Map.of("content", "Staff only: the gateway had an outage", "is_internal", true));
        desk.post("/api/v1/tickets/" + ticketId + "/messages", helper.token(),
                Map.of("content", "Could you try again now?", "is_internal", false));
        browser.text(".messages .message", "Could you try again now?");
        assertFalse(browser.driver().getPageSource().contains("the gateway had an outage"),
                "the customer's open page never shows an internal note");
        assertEquals("In progress", browser.find(".ticket-head .chip").getText());
        Screens.both(browser, "customer-ticket-chat");

        desk.put("/api/v1/tickets/" + ticketId, helper.token(), Map.of("status", "RESOLVED"));
        browser.text(".banner.resolved", "Is your problem solved?");
        Screens.both(browser, "customer-ticket-resolved");
        browser.text(".banner.resolved button", "Solved").click();
        browser.text(".ticket-head .chip", "Closed");
        browser.find(".banner.closed");
        assertEquals("CLOSED", desk.get("/api/v1/tickets/" + ticketId, helper.token()).json().path("status").asText());
        assertTrue(browser.all("#chat-text").isEmpty(), "nobody writes to a closed ticket");

        browser.click(".back-link");
        browser.text(".tickets", "Payment fails at checkout");
        browser.text(".filter-chip[data-status='CLOSED'] .badge", "1");
        Screens.both(browser, "customer-tickets");
    }

    @Test
    void inRussianAndDarkTheStartParameterOpensTheTicketAndTheCustomerClosesIt() {
        Browser browser = session.browser();
        DeskUnderTest desk = session.desk();
        DeskUnderTest.Person customer = desk.person(72_001, "Boris", "USER");
        String ticketId = desk.newTicket(customer, "Не приходит код", "SMS с кодом не приходит");
        browser.telegram(desk.initData(72_001, "Boris"), 72_001, "Boris", "ru", "dark", ticketId);
        browser.open(desk, null);

        browser.text(".ticket-head h1", "Не приходит код");
        assertEquals("dark", browser.script("return document.documentElement.dataset.theme"));
        assertEquals("rgb(23, 33, 43)", browser.script("return getComputedStyle(document.body).backgroundColor"),
                "Telegram's dark background is used");
        assertEquals("ru", browser.script("return document.documentElement.lang"));
        assertEquals("Открыт", browser.find(".ticket-head .chip").getText());
        assertEquals(Boolean.TRUE, browser.script("return Telegram.WebApp.BackButton.isVisible"),
                "Telegram's back button leads back to the list");
        assertEquals("Закрыть обращение", browser.script("return Telegram.WebApp.MainButton.text"));
        Screens.both(browser, "customer-ticket-ru");

        browser.script("Telegram.WebApp.emit('mainButtonClicked')");
        browser.text(".ticket-head .chip", "Закрыт");
        assertEquals("CLOSED", desk.get("/api/v1/tickets/" + ticketId, customer.token()).json().path("status").asText());

        browser.script("Telegram.WebApp.emit('backButtonClicked')");
        browser.text("h1", "Мои обращения");
        browser.text(".tickets", "Не приходит код");
        browser.click("a[href='#/profile']");
        browser.text("legend", "Язык");
        Screens.both(browser, "customer-profile");
    }

    /**
     * The focused element, named by id, status chip, ticket row or its text, once its focus is seen: an outline
     * of at least 2 px on it or on the label or card around it (a hidden radio or file input shows its card's).
     */
    private static final String FOCUSED = """
            const e = document.activeElement;
            if (!e || e === document.body) return 'body';
            let shown = false;
            for (let n = e, i = 0; n && i < 3 && !shown; n = n.parentElement, i++) {
              const style = getComputedStyle(n); const box = n.getBoundingClientRect();
              shown = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && box.width >= 8 && box.height >= 8
                && style.outlineColor !== getComputedStyle(document.body).backgroundColor;
            }
            const box = e.getBoundingClientRect();
            const onScreen = box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
            const name = e.id ? '#' + e.id
              : e.dataset.status ? 'status:' + e.dataset.status
              : e.classList.contains('ticket-row') ? 'ticket:' + e.querySelector('.ticket-title').innerText.replace(/^#\\d+\\s*/, '')
              : e.type === 'radio' ? 'radio:' + e.closest('label').lastElementChild.textContent.trim()
              : e.tagName.toLowerCase() + ':' + (e.getAttribute('aria-label') || e.innerText).trim();
            return shown && onScreen ? name : 'focus not visible on ' + name;
            """;

    /** Presses Tab {@code times} times and names each element reached; fails if focus is ever not visible. */
    private static List<String> tabThrough(int times) {
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            new Actions(session.browser().driver()).sendKeys(Keys.TAB).perform();
            reached.add((String) session.browser().script(FOCUSED));
        }
        return reached;
    }

    private static void press(CharSequence... keys) {
        new Actions(session.browser().driver()).sendKeys(keys).perform();
    }

    @Test
    void onADesktopTheKeyboardAloneWalksTheListInOrderAndCreatesATicketWithFocusAlwaysVisible() {
        Browser browser = session.browser();
        DeskUnderTest desk = session.desk();
        DeskUnderTest.Person customer = desk.person(74_001, "Dana", "USER");
        desk.newTicket(customer, "Printer offline", "The office printer shows offline");
        JsonNode categories = desk.get("/api/v1/categories", customer.token()).json();
        String firstCategory = "radio:" + categories.at("/0/name").asText();
        String secondCategory = "radio:" + categories.at("/1/name").asText();
        Dimension phone = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(1280, 800));
        try {
            browser.telegram(desk.initData(74_001, "Dana"), 74_001, "Dana", "en", "light", null);
            browser.open(desk, null);
            browser.text(".tickets .ticket-title", "Printer offline");
            browser.text(".filter-chip[data-status='ALL'] .badge", "1");

            assertEquals(List.of("a:Skip to content", "a:My tickets", "a:Profile", "a:+ New ticket", "#search",
                    "status:ALL", "status:OPEN", "status:IN_PROGRESS", "status:WAITING_RESPONSE", "status:RESOLVED",
                    "status:CLOSED", "ticket:Printer offline"), tabThrough(12),
                    "Tab walks the list screen in reading order, focus always visible");
            press(Keys.ENTER);
            browser.text(".ticket-head h1", "Printer offline");
            assertEquals(List.of("a:Back"), tabThrough(1), "after a move, focus starts at the new screen");
            press(Keys.ENTER);
            browser.text(".tickets .ticket-title", "Printer offline");

            assertEquals(List.of("a:+ New ticket"), tabThrough(1));
            press(Keys.ENTER);
            browser.find(".category-card");
            assertEquals(List.of("a:Back", firstCategory), tabThrough(2), "the form starts after the way back");
            press(Keys.SPACE);
            press(Keys.ARROW_DOWN);
            assertEquals(List.of(secondCategory), List.of(browser.script(FOCUSED)), "the arrow keys move between categories");
            List<WebElement> cards = browser.all(".category-card");
            assertEquals(1, browser.all(".category-card.selected").size());
            assertTrue(cards.get(1).getAttribute("class").contains("selected"), "and pick the one reached");
            assertEquals(List.of("#title"), tabThrough(1));
            press("Scanner jams");
            assertEquals(List.of("#description"), tabThrough(1));
            press("Paper jams on every page");
            assertEquals(List.of("#priority"), tabThrough(1));
            press(Keys.ARROW_DOWN);
            assertEquals("HIGH", new Select(browser.find("#priority")).getFirstSelectedOption().getAttribute("value"));
            assertEquals(List.of("#new-files", "#create-ticket"), tabThrough(2), "Tab walks the form in order");
            new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            assertEquals("#new-files", browser.script(FOCUSED), "Shift+Tab walks back");
            assertEquals(List.of("#create-ticket"), tabThrough(1));
            press(Keys.ENTER);

            browser.text(".ticket-head h1", "Scanner jams");
            String id = browser.driver().getCurrentUrl().replaceAll(".*#/t/", "");
            JsonNode created = desk.get("/api/v1/tickets/" + id, customer.token()).json();
            assertEquals(categories.at("/1/id").asText(), created.at("/category/id").asText());
            assertEquals("HIGH", created.path("priority").asText());
            assertEquals("Paper jams on every page", created.path("description").asText());
            assertEquals(List.of("a:Back", "#close-ticket", "#chat-files", "#chat-text"), tabThrough(4),
                    "from the new ticket's heading to its message box");
        } finally {
            browser.driver().manage().window().setSize(phone);
        }
    }
}
