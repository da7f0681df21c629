package io.ticketdesk.application.service.tickets;

import io.ticketdesk.application.change.DeskChangeRecorder;
import io.ticketdesk.application.port.in.tickets.DeleteTicketUseCase;
import io.ticketdesk.application.port.out.files.FileStore;
import io.ticketdesk.application.port.out.persistence.FileRepository;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.application.port.out.persistence.Transactions;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPolicy;
import io.ticketdesk.domain.users.User;
import java.util.List;
import java.util.UUID;

public record DeleteTicketService(TicketRepository tickets, Transactions transactions, DeskChangeRecorder changes,
                                  FileRepository files, FileStore fileStore) implements DeleteTicketUseCase {

    private static final System.Logger LOG = System.getLogger(DeleteTicketService.class.getName());

    @Override
    public void delete(User actor, UUID ticketId) {
        actor.requireActive();
        List<UUID> attached = transactions.inTransaction(() -> {
            Ticket ticket = tickets.findForUpdate(ticketId).orElseThrow(() -> new NotFoundException("ticket.not_found"));
            TicketPolicy.requireMayDelete(actor, ticket);
            List<UUID> fileIds = files.attachedToTicket(ticketId);
            changes.ticketDeleted(ticket, actor);
            return fileIds;
        });
        // the rows went with the ticket; the bytes go once that is committed, never before, and a
        // failure to remove some bytes neither fails the deletion nor stops the others
        for (UUID fileId : attached) {
            try {
                fileStore.delete(fileId);
            } catch (RuntimeException leftBehind) {
                LOG.log(System.Logger.Level.WARNING, "bytes of file " + fileId + " were left behind", leftBehind);
            }
        }
    }
}
