package io.ticketdesk.domain.statistics;

import io.ticketdesk.domain.InputField;

import io.ticketdesk.domain.ValidationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The UTC days a ticket report covers, both ends included, at most 366. A missing {@code to} is
 * today; a missing {@code from} is 29 days before {@code to}, so that the default is the last 30 days.
 */
public record StatisticsPeriod(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    public StatisticsPeriod {
        if (from.isAfter(to)) {
            throw ValidationException.of(InputField.FROM_DATE, "validation.date.after_to");
        }
        if (days(from, to) > MAX_DAYS) {
            throw ValidationException.of(InputField.TO_DATE, "validation.date.range_too_long", MAX_DAYS);
        }
    }

    public static StatisticsPeriod resolve(Optional<LocalDate> from, Optional<LocalDate> to, LocalDate today) {
        LocalDate end = to.orElse(today);
        return new StatisticsPeriod(from.orElse(end.minusDays(DEFAULT_DAYS - 1)), end);
    }

    /** How many days the period covers, both ends included. */
    public long days() {
        return days(from, to);
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
