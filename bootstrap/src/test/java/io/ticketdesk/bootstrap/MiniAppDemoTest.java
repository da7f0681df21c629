package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's first command as a newcomer sees it: no bot, a plain browser, the demo's role buttons. */
class MiniAppDemoTest {

    private static Browser browser;
    private static DeskUnderTest demo;

    @BeforeAll
    static void start() {
        browser = Browser.start();
        demo = DeskUnderTest.start(Collections.singletonMap("BOT_TOKEN", null));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aNewcomerEntersAsAdminThenAsCustomerAndSeesTheSeededDesk() {
        browser.plainBrowser();
        browser.open(demo, null);
        browser.text(".demo h2", "Try the demo");
        Screens.both(browser, "demo-login");

        browser.click("[data-role='ADMIN']");
        browser.text("h1", "Queue");
        browser.until(d -> browser.all(".tickets li").size() == 20 ? true : null, "a full first page of seeded tickets");
        browser.driver().findElement(org.openqa.selenium.By.tagName("html"));
        browser.script("window.scrollTo(0, document.body.scrollHeight)");
        browser.until(d -> browser.all(".tickets li").size() > 20 ? true : null, "the next page, loaded by scrolling");
        browser.script("window.scrollTo(0, 0)");
        Screens.both(browser, "demo-admin-queue");
        browser.click("a[href='#/stats']");
        browser.find("#chart-per-day canvas");
        browser.text("#bars-category", "Аккаунт и вход");
        Screens.both(browser, "demo-admin-statistics");
        browser.click("a[href='#/users']");
        browser.text(".people", "Olga");
        browser.click("a[href='#/profile']");
        browser.text(".screen .button.secondary", "Log out").click();

        browser.click("[data-role='USER']");
        browser.text("h1", "My tickets");
        browser.text(".tickets .ticket-title", "Ошибка при оплате в приложении").click();
        browser.find(".attachment.image img");
        browser.text(".messages", "Проверяем платёжный шлюз");
        assertTrue(browser.all(".message.internal").isEmpty(), "the customer sees no internal note");
        assertFalse(browser.driver().getPageSource().contains("корпоративного тарифа"));
        Screens.both(browser, "demo-customer-ticket");
    }
}
