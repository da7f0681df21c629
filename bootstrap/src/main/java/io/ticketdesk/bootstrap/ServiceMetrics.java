package io.ticketdesk.bootstrap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ticketdesk.application.port.in.limits.ApplyRateLimitUseCase;
import io.ticketdesk.application.port.in.limits.RateLimitDecision;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The one Prometheus registry of an instance, with the JVM, GC and process meters bound. Adapters
 * get {@link #registry()} (or a plain callback) from here; parts built later (the Telegram outbox
 * and client) register through {@link #outbox} and {@link #telegramCall} without touching Micrometer.
 */
final class ServiceMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> binders;
    private final Map<String, Counter> telegramCalls = new ConcurrentHashMap<>();
    private final Map<String, Counter> rateLimited = new ConcurrentHashMap<>();
    /** METRICS=on: events counted as they happen (rate-limit refusals); off leaves the limits unwrapped. */
    private final boolean counting;

    ServiceMetrics(boolean counting) {
        this.counting = counting;
        JvmGcMetrics gc = new JvmGcMetrics();
        JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();
        gc.bindTo(registry);
        heapPressure.bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        binders = List.of(gc, heapPressure);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text format of everything registered. */
    String scrape() {
        return registry.scrape();
    }

    /** Jetty's request threads: busy, idle, queued. */
    void jettyThreads(ThreadPool threads) {
        new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(registry);
    }

    /** The Telegram outbox: calls waiting, and how long the oldest has waited (0 when empty, NaN when unreadable). */
    void outbox(DoubleSupplier depth, DoubleSupplier oldestAgeSeconds) {
        // strong: a gauge holds its object weakly by default, and nothing else holds these lambdas (NaN after a GC)
        Gauge.builder("desk.outbox.depth", depth, DoubleSupplier::getAsDouble).strongReference(true)
                .description("Telegram calls waiting in the outbox (the whole desk's)").register(registry);
        Gauge.builder("desk.outbox.oldest.age", oldestAgeSeconds, DoubleSupplier::getAsDouble).strongReference(true)
                .description("Age of the oldest waiting outbox call").baseUnit("seconds").register(registry);
    }

    /**
     * {@code limits}, each refusal counted by action and {@code channel}: http (a 429, or a refused
     * socket) or telegram (a chat message the bot did not store). One decorator serves both ways in;
     * with METRICS=off, {@code limits} themselves.
     */
    ApplyRateLimitUseCase countingRefusals(ApplyRateLimitUseCase limits, String channel) {
        if (!counting) {
            return limits;
        }
        return (action, subject, staff) -> {
            RateLimitDecision decision = limits.tryTake(action, subject, staff);
            if (!decision.allowed()) {
                String name = action.name().toLowerCase(Locale.ROOT);
                rateLimited.computeIfAbsent(name + ' ' + channel, key -> Counter.builder("desk.rate.limited")
                        .description("Actions refused by a rate limit, by action and channel")
                        .tags("action", name, "channel", channel).register(registry)).increment();
            }
            return decision;
        };
    }

    /** One Telegram Bot API call: {@code method} such as sendMessage, {@code outcome} such as ok, rate_limited, blocked. */
    void telegramCall(String method, String outcome) {
        telegramCalls.computeIfAbsent(method + ' ' + outcome, key -> Counter.builder("desk.telegram.calls")
                .description("Telegram Bot API calls by method and outcome")
                .tags("method", method, "outcome", outcome).register(registry)).increment();
    }

    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception ignored) {
                // a binder only stops its listener
            }
        }
        registry.close();
    }
}
