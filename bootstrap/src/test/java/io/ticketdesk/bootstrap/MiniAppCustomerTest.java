package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A customer in the Mini App inside (a stub of) Telegram: creating, talking live, closing; ru and en, light and dark. */
class MiniAppCustomerTest {

    private static Browser browser;
    private static DeskUnderTest desk;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        desk = DeskUnderTest.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void aCustomerCreatesATicketWithAPictureTalksToStaffLiveAndClosesIt() {
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
        DeskUnderTest.Person customer = desk.person(72_001, "Boris", "USER");
        String ticketId = desk.post("/api/v1/tickets", customer.token(), Map.of("title", "Не приходит код",
                "description", "SMS с кодом не приходит", "category_id", desk.categoryId())).json().path("id").asText();
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
}
