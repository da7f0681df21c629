package io.ticketdesk.application.port.in.statistics;

import java.time.LocalDate;

public record DayCount(LocalDate date, long count) {
}
