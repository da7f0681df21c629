package io.ticketdesk.domain.statistics;

import io.ticketdesk.domain.InputField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.domain.FieldProblem;
import io.ticketdesk.domain.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatisticsPeriodTest {

    private static final LocalDate TODAY = LocalDate.parse("2024-03-10");

    @Test
    void noDatesMeansTheLastThirtyDaysTodayIncluded() {
        StatisticsPeriod period = StatisticsPeriod.resolve(Optional.empty(), Optional.empty(), TODAY);
        assertEquals(new StatisticsPeriod(LocalDate.parse("2024-02-10"), TODAY), period);
        assertEquals(30, period.days());
    }

    @Test
    void aMissingEndIsFilledFromTheOther() {
        assertEquals(new StatisticsPeriod(LocalDate.parse("2024-03-01"), TODAY),
                StatisticsPeriod.resolve(Optional.of(LocalDate.parse("2024-03-01")), Optional.empty(), TODAY));
        assertEquals(new StatisticsPeriod(LocalDate.parse("2023-12-03"), LocalDate.parse("2024-01-01")),
                StatisticsPeriod.resolve(Optional.empty(), Optional.of(LocalDate.parse("2024-01-01")), TODAY));
    }

    @Test
    void oneDayAndThreeHundredSixtySixDaysAreFine() {
        assertEquals(1, new StatisticsPeriod(TODAY, TODAY).days());
        assertEquals(366, new StatisticsPeriod(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31")).days());
    }

    @Test
    void threeHundredSixtySevenDaysAreTooMany() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> new StatisticsPeriod(LocalDate.parse("2024-01-01"), LocalDate.parse("2025-01-01")));
        assertEquals(List.of(FieldProblem.of(InputField.TO_DATE, "validation.date.range_too_long", 366)), refused.problems());
    }

    @Test
    void fromAfterToIsRefused() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> StatisticsPeriod.resolve(Optional.of(TODAY.plusDays(1)), Optional.empty(), TODAY));
        assertEquals(InputField.FROM_DATE, refused.problems().get(0).field());
        assertEquals("validation.date.after_to", refused.problems().get(0).code());
    }
}
