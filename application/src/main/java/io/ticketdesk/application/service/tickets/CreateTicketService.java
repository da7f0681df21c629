package io.ticketdesk.application.service.tickets;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.application.change.DeskChangeRecorder;
import io.ticketdesk.application.port.in.tickets.CreateTicketCommand;
import io.ticketdesk.application.port.in.tickets.CreateTicketUseCase;
import io.ticketdesk.application.port.in.tickets.TicketDetails;
import io.ticketdesk.application.port.out.persistence.CategoryRepository;
import io.ticketdesk.application.port.out.persistence.TicketReadModel;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.categories.Category;
import io.ticketdesk.domain.tickets.Ticket;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

public record CreateTicketService(TicketRepository tickets, CategoryRepository categories, TicketReadModel readModel,
                                  Transactions transactions, DeskChangeRecorder changes, Clock clock)
        implements CreateTicketUseCase {

    @Override
    public TicketDetails create(CreateTicketCommand command) {
        command.actor().requireActive();
        return transactions.inTransaction(() -> {
            boolean usable = categories.findForReference(command.categoryId()).map(Category::active).orElse(false);
            if (!usable) {
                throw ValidationException.of(InputField.CATEGORY, "validation.category_unavailable");
            }
            Ticket ticket = Ticket.open(UUID.randomUUID(), command.title(), command.description(), command.priority(),
                    command.categoryId(), command.actor().id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            changes.ticketOpened(ticket);
            return readModel.ticket(ticket.id()).orElseThrow();
        });
    }
}
