package io.ticketdesk.adapters.http.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ticketdesk.application.port.in.Page;
import java.util.List;
import java.util.function.Function;

/**
 * {@code {items, total, page, size, pages}}: every list of the API (SPEC §1); plus
 * {@code total_is_estimate: true}, only when a long list was counted up to a cap (docs/decisions.md).
 */
public record PageResponse<T>(List<T> items, long total, int page, int size, long pages,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Boolean totalIsEstimate) {

    public static <S, T> PageResponse<T> from(Page<S> page, Function<? super S, ? extends T> item) {
        return new PageResponse<>(page.items().stream().<T>map(item).toList(), page.total(), page.page(), page.size(),
                page.pages(), page.totalIsEstimate() ? Boolean.TRUE : null);
    }
}
