package io.ticketdesk.application.port.in;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the size of the whole list. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, request.page(), request.size());
    }

    public long pages() {
        return (total + size - 1) / size;
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, page, size);
    }
}
