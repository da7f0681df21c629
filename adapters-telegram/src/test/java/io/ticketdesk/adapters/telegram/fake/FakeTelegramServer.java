package io.ticketdesk.adapters.telegram.fake;

/**
 * The fake Bot API as a process of its own, for benchmarks: prints its base URL, serves the call
 * log at {@code /_fake/calls}, and runs until killed. The token is {@link FakeTelegram#TOKEN}.
 */
public final class FakeTelegramServer {

    private FakeTelegramServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        FakeTelegram telegram = FakeTelegram.start();
        System.out.println("fake Bot API at " + telegram.baseUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
