package io.ticketdesk.domain;

import java.util.Objects;
import java.util.function.Function;

/**
 * A field of a partial update: either left as it is, or set to a value (which may be
 * {@code null} where the field can be cleared). Tells "absent" from "null" apart.
 */
public final class FieldUpdate<T> {

    private static final FieldUpdate<?> UNCHANGED = new FieldUpdate<>(false, null);

    private final boolean present;
    private final T value;

    private FieldUpdate(boolean present, T value) {
        this.present = present;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> unchanged() {
        return (FieldUpdate<T>) UNCHANGED;
    }

    public static <T> FieldUpdate<T> set(T value) {
        return new FieldUpdate<>(true, value);
    }

    public boolean isPresent() {
        return present;
    }

    /** The new value when present, the current one otherwise. */
    public T orElse(T current) {
        return present ? value : current;
    }

    public <R> FieldUpdate<R> map(Function<? super T, ? extends R> mapper) {
        return present ? set(value == null ? null : mapper.apply(value)) : unchanged();
    }

    public T value() {
        if (!present) {
            throw new IllegalStateException("no value: the field is unchanged");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldUpdate<?> that && present == that.present && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(present, value);
    }

    @Override
    public String toString() {
        return present ? "set(" + value + ")" : "unchanged";
    }
}
