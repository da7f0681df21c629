package io.ticketdesk.domain.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentagesTest {

    @Test
    void exactSharesStayAsTheyAre() {
        assertEquals(List.of(30, 70), Percentages.of(List.of(3L, 7L)));
    }

    @Test
    void thirdsSumToAHundredTheEarliestGettingTheExtraPoint() {
        // 33.33 each: floors give 99, the tie on remainder and count goes to the first
        assertEquals(List.of(34, 33, 33), Percentages.of(List.of(1L, 1L, 1L)));
    }

    @Test
    void theLargestRemaindersGetTheMissingPoints() {
        // 4/7 = 57.14, 2/7 = 28.57, 1/7 = 14.29: floors 57+28+14 = 99, the largest remainder (.57) gets +1
        assertEquals(List.of(57, 29, 14), Percentages.of(List.of(4L, 2L, 1L)));
        // 1/6 = 16.67 ×5 and 1/6: floors 16 ×6 = 96, four of the six get +1, the earlier ones
        assertEquals(List.of(17, 17, 17, 17, 16, 16), Percentages.of(List.of(1L, 1L, 1L, 1L, 1L, 1L)));
    }

    @Test
    void onATieOfRemaindersTheLargerCountWins() {
        // 1/8 = 12.5 and 3/8 = 37.5 and 4/8 = 50: floors 12+37+50 = 99; remainders tie at .5, 3 beats 1
        assertEquals(List.of(12, 38, 50), Percentages.of(List.of(1L, 3L, 4L)));
    }

    @Test
    void aTinyShareMayRoundToZeroButTheSumIsAHundred() {
        List<Integer> shares = Percentages.of(List.of(1000L, 1L));
        assertEquals(List.of(100, 0), shares);
    }

    @Test
    void nothingToShareIsAllZeros() {
        assertEquals(List.of(0, 0), Percentages.of(List.of(0L, 0L)));
        assertEquals(List.of(), Percentages.of(List.of()));
    }

    @Test
    void negativeCountsAreABug() {
        assertThrows(IllegalArgumentException.class, () -> Percentages.of(List.of(-1L, 2L)));
    }
}
