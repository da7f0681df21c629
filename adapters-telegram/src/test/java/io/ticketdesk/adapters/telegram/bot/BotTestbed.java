package io.ticketdesk.adapters.telegram.bot;

import io.ticketdesk.adapters.telegram.fake.FakeTelegram;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh fake Bot API and a fresh migrated database for one test, both closed after it. Register it
 * as a non-static {@code @RegisterExtension} field: JUnit makes a test instance, so a testbed, per test.
 */
public final class BotTestbed implements AfterEachCallback {

    private final FakeTelegram telegram;
    private final TestBotDatabase database;

    public BotTestbed() {
        telegram = FakeTelegram.start();
        try {
            database = TestBotDatabase.create();
        } catch (RuntimeException e) {
            telegram.close();
            throw e;
        }
    }

    public FakeTelegram telegram() {
        return telegram;
    }

    public TestBotDatabase database() {
        return database;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            telegram.close();
        } finally {
            database.close();
        }
    }
}
