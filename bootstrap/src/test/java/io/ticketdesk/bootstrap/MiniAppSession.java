package io.ticketdesk.bootstrap;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless browser and one desk shared by a Mini App test class: started before its first test
 * (the class is skipped where Chromium is not installed) and closed after its last. Register it as a
 * static {@code @RegisterExtension} field.
 */
final class MiniAppSession implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<DeskUnderTest> startDesk;
    private Browser browser;
    private DeskUnderTest desk;

    MiniAppSession(Supplier<DeskUnderTest> startDesk) {
        this.startDesk = startDesk;
    }

    Browser browser() {
        return browser;
    }

    DeskUnderTest desk() {
        return desk;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = Browser.start();
        desk = startDesk.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (desk != null) {
            desk.close();
        }
    }
}
