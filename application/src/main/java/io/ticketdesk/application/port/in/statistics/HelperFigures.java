package io.ticketdesk.application.port.in.statistics;

import io.ticketdesk.application.port.in.tickets.PersonRef;
import java.math.BigDecimal;

/**
 * One staff member's work: {@code ticketsHandled} = tickets where they posted a public message;
 * {@code averageResponseHours} = mean response time over tickets they answered first (null if none).
 */
public record HelperFigures(PersonRef user, long ticketsHandled, BigDecimal averageResponseHours) {
}
