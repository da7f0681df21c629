package io.ticketdesk.domain.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whole percentages of a total that add up to exactly 100 (largest-remainder method): each share
 * gets its floor, and the points still missing go to the largest remainders; a tie goes to the
 * larger count, then to the earlier entry. All zeros when the total is zero.
 */
public final class Percentages {

    private Percentages() {
    }

    public static List<Integer> of(List<Long> counts) {
        long total = counts.stream().mapToLong(Long::longValue).sum();
        List<Integer> shares = new ArrayList<>(counts.size());
        if (total == 0) {
            counts.forEach(count -> shares.add(0));
            return shares;
        }
        List<Integer> order = new ArrayList<>();
        long given = 0;
        for (int i = 0; i < counts.size(); i++) {
            long count = counts.get(i);
            if (count < 0) {
                throw new IllegalArgumentException("a count cannot be negative: " + count);
            }
            int floor = (int) (count * 100 / total);
            shares.add(floor);
            given += floor;
            order.add(i);
        }
        // remainder of count*100/total, compared exactly as count*100 mod total
        order.sort(Comparator.<Integer>comparingLong(i -> counts.get(i) * 100 % total).reversed()
                .thenComparing(Comparator.<Integer>comparingLong(counts::get).reversed())
                .thenComparingInt(i -> i));
        for (int k = 0; k < 100 - given; k++) {
            int i = order.get(k);
            shares.set(i, shares.get(i) + 1);
        }
        return shares;
    }
}
