package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import io.ticketdesk.adapters.http.auth.JwtTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the server lets a request already being served finish with its answer. */
class GracefulStopTest {

    @Test
    void aRequestInFlightWhenStopBeginsStillGetsItsAnswer() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpApi.UseCases useCases = HttpApi.UseCases.signInOnly(null, null, null, () -> {
            inFlight.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        Javalin app = new HttpApi(useCases, new JwtTokens("unit-test-secret-that-is-at-least-32-bytes",
                Duration.ofDays(1), Clock.systemUTC()), List.of()).create().start(0);

        CompletableFuture<HttpResponse<String>> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        inFlight.await(10, TimeUnit.SECONDS);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::stop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!app.jettyServer().server().isStopping() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the stop has begun and is waiting for the request
        }
        release.countDown();

        assertEquals(200, response.get(10, TimeUnit.SECONDS).statusCode());
        stopping.get(15, TimeUnit.SECONDS);
    }
}
