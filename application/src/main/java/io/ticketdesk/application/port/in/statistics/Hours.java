package io.ticketdesk.application.port.in.statistics;

import java.math.BigDecimal;

/** An average and a median in hours, one decimal (half up); both null when there is nothing to measure. */
public record Hours(BigDecimal average, BigDecimal median) {

    public static Hours none() {
        return new Hours(null, null);
    }
}
