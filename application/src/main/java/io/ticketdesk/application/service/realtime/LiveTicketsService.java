package io.ticketdesk.application.service.realtime;

import io.ticketdesk.domain.InputField;
import io.ticketdesk.application.port.in.realtime.LiveEvent;
import io.ticketdesk.application.port.in.realtime.SendTypingUseCase;
import io.ticketdesk.application.port.in.realtime.TicketWatcher;
import io.ticketdesk.application.port.in.realtime.WatchTicketUseCase;
import io.ticketdesk.application.port.out.persistence.TicketReadModel;
import io.ticketdesk.application.port.out.persistence.TicketRepository;
import io.ticketdesk.application.port.out.persistence.UserRepository;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.application.port.out.realtime.TicketSignalBus;
import io.ticketdesk.domain.NotFoundException;
import io.ticketdesk.domain.ValidationException;
import io.ticketdesk.domain.tickets.Ticket;
import io.ticketdesk.domain.tickets.TicketPolicy;
import io.ticketdesk.domain.users.User;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Who watches which ticket on this instance, and what each may see of the signals every instance
 * sends: internal notes and internal typing reach staff only, typing never returns to its sender.
 */
public final class LiveTicketsService implements WatchTicketUseCase, SendTypingUseCase {

    private final TicketSignalBus bus;
    private final TicketRepository tickets;
    private final UserRepository users;
    private final TicketReadModel readModel;
    private final Map<UUID, Set<Watch>> watchesByTicket = new ConcurrentHashMap<>();

    private final class Watch implements AutoCloseable {
        final UUID ticketId;
        final UUID viewerId;
        final TicketWatcher watcher;
        volatile boolean staff;

        Watch(UUID ticketId, User viewer, TicketWatcher watcher) {
            this.ticketId = ticketId;
            this.viewerId = viewer.id();
            this.staff = viewer.isStaff();
            this.watcher = watcher;
        }

        @Override
        public void close() {
            watchesByTicket.computeIfPresent(ticketId, (id, watches) -> {
                watches.remove(this);
                return watches.isEmpty() ? null : watches;
            });
        }

        void revoke(String reason) {
            close();
            watcher.revoke(reason);
        }
    }

    public LiveTicketsService(TicketSignalBus bus, TicketRepository tickets, UserRepository users,
                              TicketReadModel readModel) {
        this.bus = bus;
        this.tickets = tickets;
        this.users = users;
        this.readModel = readModel;
        bus.subscribe(this::receive);
        bus.afterGap(this::resyncAll);
    }

    /** Signals may have been lost while the bus was away: every watcher is told to reload its ticket. */
    private void resyncAll() {
        watchesByTicket.values().stream().flatMap(Set::stream).toList()
                .forEach(watch -> watch.watcher.deliver(new LiveEvent.Resync(watch.ticketId)));
    }

    @Override
    public AutoCloseable watch(User viewer, UUID ticketId, TicketWatcher watcher) {
        viewer.requireActive();
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("ticket.not_found"));
        TicketPolicy.requireVisible(viewer, ticket);
        Watch watch = new Watch(ticketId, viewer, watcher);
        // added inside compute: a close emptying the set at the same moment cannot drop it from the map
        watchesByTicket.compute(ticketId, (id, watches) -> {
            Set<Watch> kept = watches == null ? ConcurrentHashMap.newKeySet() : watches;
            kept.add(watch);
            return kept;
        });
        // a deletion or a block handled between the check above and the registration would be missed
        boolean stillVisible = users.findById(viewer.id()).filter(User::active)
                .flatMap(current -> tickets.findById(ticketId).map(t -> TicketPolicy.canSee(current, t)))
                .orElse(false);
        if (!stillVisible) {
            watch.close();
            throw new NotFoundException("ticket.not_found");
        }
        return watch;
    }

    @Override
    public void typing(User sender, UUID ticketId, boolean typing, boolean internal) {
        sender.requireActive();
        if (internal && !sender.isStaff()) {
            throw ValidationException.of(InputField.INTERNAL, "validation.internal_staff_only");
        }
        TicketPolicy.requireVisible(sender,
                tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("ticket.not_found")));
        bus.publish(new TicketSignal.Typing(ticketId, sender.id(), sender.firstName(), typing, internal));
    }

    /** Runs on the bus's one thread, so each ticket's events leave in the order they were committed. */
    private void receive(TicketSignal signal) {
        if (signal instanceof TicketSignal.MessagePosted posted) {
            if (!watchesByTicket.containsKey(posted.ticketId())) {
                return;
            }
            readModel.message(posted.messageId()).ifPresent(view -> deliver(posted.ticketId(),
                    watch -> !posted.internal() || watch.staff, new LiveEvent.NewMessage(posted.ticketId(), view)));
        } else if (signal instanceof TicketSignal.StatusChanged changed) {
            deliver(changed.ticketId(), watch -> true, new LiveEvent.StatusChanged(changed.ticketId(),
                    changed.oldStatus(), changed.newStatus(), changed.by()));
        } else if (signal instanceof TicketSignal.TicketUpdated updated) {
            deliver(updated.ticketId(), watch -> true,
                    new LiveEvent.TicketUpdated(updated.ticketId(), updated.changes(), updated.by()));
        } else if (signal instanceof TicketSignal.Typing typing) {
            deliver(typing.ticketId(),
                    watch -> !watch.viewerId.equals(typing.userId()) && (!typing.internal() || watch.staff),
                    new LiveEvent.Typing(typing.ticketId(), typing.userId(), typing.firstName(), typing.typing()));
        } else if (signal instanceof TicketSignal.TicketDeleted deleted) {
            watches(deleted.ticketId()).forEach(watch -> watch.revoke("ticket.not_found"));
        } else if (signal instanceof TicketSignal.AccessChanged changed) {
            recheck(changed.userId());
        }
    }

    private void deliver(UUID ticketId, Predicate<Watch> mayReceive, LiveEvent event) {
        for (Watch watch : watches(ticketId)) {
            if (mayReceive.test(watch)) {
                watch.watcher.deliver(event);
            }
        }
    }

    private Set<Watch> watches(UUID ticketId) {
        return Set.copyOf(watchesByTicket.getOrDefault(ticketId, Set.of()));
    }

    /** A blocked user loses every socket; a demoted one loses the tickets that are not theirs. */
    private void recheck(UUID userId) {
        Optional<User> user = users.findById(userId);
        watchesByTicket.values().stream().flatMap(Set::stream).filter(w -> w.viewerId.equals(userId)).toList()
                .forEach(watch -> {
                    if (user.isEmpty() || !user.get().active()) {
                        watch.revoke("user.blocked");
                        return;
                    }
                    boolean stillVisible = tickets.findById(watch.ticketId)
                            .map(ticket -> TicketPolicy.canSee(user.get(), ticket)).orElse(false);
                    if (!stillVisible) {
                        watch.revoke("ticket.not_found");
                    } else {
                        watch.staff = user.get().isStaff();
                    }
                });
    }
}
