package io.ticketdesk.application.port.in;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the size of the whole list. {@code totalIsEstimate}: the list is longer
 * than could be counted cheaply, and {@code total} is the number counted up to (a lower bound).
 */
public record Page<T>(List<T> items, long total, int page, int size, boolean totalIsEstimate) {

    public Page {
        items = List.copyOf(items);
    }

    public Page(List<T> items, long total, int page, int size) {
        this(items, total, page, size, false);
    }

    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, request.page(), request.size());
    }

    /**
     * A page whose total was counted only up to {@code cap + 1} rows: exact up to {@code cap},
     * otherwise {@code cap} marked as an estimate.
     */
    public static <T> Page<T> ofCountedUpTo(long cap, List<T> items, long counted, PageRequest request) {
        return counted > cap
                ? new Page<>(items, cap, request.page(), request.size(), true)
                : of(items, counted, request);
    }

    public long pages() {
        return (total + size - 1) / size;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, page, size, totalIsEstimate);
    }
}
