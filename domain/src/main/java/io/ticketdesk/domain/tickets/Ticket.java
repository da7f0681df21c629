package io.ticketdesk.domain.tickets;

import io.ticketdesk.domain.FieldUpdate;
import io.ticketdesk.domain.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A customer's request and its lifecycle (SPEC §4). Immutable: every change returns a
 * {@link TicketUpdate} with the new ticket and the history entries it made, or throws the
 * refusal from {@link TicketPolicy}. {@code number} is the human number ("#1042") and
 * {@code version} the optimistic-lock counter; storage gives both ({@code number} is
 * {@link #UNNUMBERED} until the ticket is first stored).
 */
public record Ticket(UUID id, long number, String title, String description, TicketStatus status,
                     TicketPriority priority, UUID categoryId, UUID authorId, UUID assigneeId, Instant createdAt,
                     Instant updatedAt, Instant resolvedAt, Instant closedAt, Instant lastActivityAt, long version) {

    /** The number of a ticket not stored yet. */
    public static final long UNNUMBERED = 0;

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        if (number < UNNUMBERED) {
            throw new IllegalArgumentException("number " + number);
        }
    }

    /** A new ticket: OPEN, unassigned, not numbered yet. */
    public static Ticket open(UUID id, String title, String description, TicketPriority priority, UUID categoryId,
                              UUID authorId, Instant now) {
        return new Ticket(id, UNNUMBERED, title, description, TicketStatus.OPEN, priority, categoryId, authorId, null,
                now, now, null, null, now, 0);
    }

    public Ticket withNumber(long next) {
        return copy(draft -> draft.number = next);
    }

    public Ticket withVersion(long next) {
        return copy(draft -> draft.version = next);
    }

    public Ticket withText(String nextTitle, String nextDescription) {
        return copy(draft -> {
            draft.title = nextTitle;
            draft.description = nextDescription;
        });
    }

    public Ticket withPriority(TicketPriority next) {
        return copy(draft -> draft.priority = next);
    }

    public Ticket withAssignee(UUID next) {
        return copy(draft -> draft.assigneeId = next);
    }

    public Ticket withStatus(TicketStatus next, Instant nextResolvedAt, Instant nextClosedAt) {
        return copy(draft -> {
            draft.status = next;
            draft.resolvedAt = nextResolvedAt;
            draft.closedAt = nextClosedAt;
        });
    }

    /** The one place activity is recorded: every change and every message moves both times. */
    public Ticket touchedAt(Instant now) {
        return copy(draft -> {
            draft.updatedAt = now;
            draft.lastActivityAt = now;
        });
    }

    /** A manual status change by {@code actor}. */
    public TicketUpdate changeStatus(User actor, TicketStatus target, Instant now) {
        TicketPolicy.requireMayChangeStatus(actor, this, target);
        return moveTo(target, actor.id(), now);
    }

    public TicketUpdate changePriority(User actor, TicketPriority target, Instant now) {
        TicketPolicy.requireVisible(actor, this);
        if (target == priority) {
            // the value it already has: a no-op for anyone, so clients may send whole objects back
            return TicketUpdate.unchanged(this);
        }
        TicketPolicy.requireMayChangePriority(actor, this);
        return new TicketUpdate(withPriority(target).touchedAt(now), List.of(new TicketChange(
                TicketChange.Field.PRIORITY, priority.name(), target.name(), actor.id(), now)));
    }

    /** Assigns {@code assignee}, or nobody when null. */
    public TicketUpdate assign(User actor, User assignee, Instant now) {
        TicketPolicy.requireMayAssign(actor, this, assignee);
        UUID target = assignee == null ? null : assignee.id();
        return assignTo(target, actor.id(), now);
    }

    /** Edits title and description; absent fields stay. Only title changes enter the history. */
    public TicketUpdate edit(User actor, FieldUpdate<String> newTitle, FieldUpdate<String> newDescription,
                             Instant now) {
        TicketPolicy.requireMayEditText(actor, this);
        String nextTitle = newTitle.orElse(title);
        String nextDescription = newDescription.orElse(description);
        if (nextTitle.equals(title) && nextDescription.equals(description)) {
            return TicketUpdate.unchanged(this);
        }
        List<TicketChange> changes = new ArrayList<>();
        if (!nextTitle.equals(title)) {
            changes.add(new TicketChange(TicketChange.Field.TITLE, title, nextTitle, actor.id(), now));
        }
        return new TicketUpdate(withText(nextTitle, nextDescription).touchedAt(now), changes);
    }

    /**
     * What a new message does to the ticket: any message is activity; the first public staff
     * answer on an OPEN ticket starts work (and takes the ticket if nobody has it); the author's
     * public answer on a WAITING_RESPONSE or RESOLVED ticket puts it back in progress.
     */
    public TicketUpdate onMessagePosted(User poster, boolean internal, Instant now) {
        TicketPolicy.requireMayPost(poster, this, internal);
        Ticket touched = touchedAt(now);
        TicketUpdate update = TicketUpdate.unchanged(touched);
        if (internal) {
            return update;
        }
        if (poster.isStaff() && status == TicketStatus.OPEN) {
            update = touched.moveTo(TicketStatus.IN_PROGRESS, poster.id(), now);
            if (assigneeId == null) {
                update = update.then(update.ticket().assignTo(poster.id(), poster.id(), now));
            }
        } else if (poster.id().equals(authorId)
                && (status == TicketStatus.WAITING_RESPONSE || status == TicketStatus.RESOLVED)) {
            update = touched.moveTo(TicketStatus.IN_PROGRESS, poster.id(), now);
        }
        return update;
    }

    /** A RESOLVED ticket with no activity for {@code after} closes by itself (no actor). */
    public Optional<TicketUpdate> autoClose(Instant now, Duration after) {
        if (status != TicketStatus.RESOLVED || lastActivityAt.plus(after).isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(moveTo(TicketStatus.CLOSED, null, now));
    }

    private TicketUpdate moveTo(TicketStatus target, UUID actorId, Instant now) {
        if (target == status) {
            return TicketUpdate.unchanged(this);
        }
        // resolved_at survives closing (resolution time stays known) but not a return to work
        Instant nextResolvedAt = switch (target) {
            case RESOLVED -> now;
            case CLOSED -> resolvedAt;
            default -> null;
        };
        Instant nextClosedAt = target == TicketStatus.CLOSED ? now : null;
        return new TicketUpdate(withStatus(target, nextResolvedAt, nextClosedAt).touchedAt(now), List.of(
                new TicketChange(TicketChange.Field.STATUS, status.name(), target.name(), actorId, now)));
    }

    private TicketUpdate assignTo(UUID target, UUID actorId, Instant now) {
        if (Objects.equals(target, assigneeId)) {
            return TicketUpdate.unchanged(this);
        }
        return new TicketUpdate(withAssignee(target).touchedAt(now), List.of(new TicketChange(
                TicketChange.Field.ASSIGNEE, assigneeId == null ? null : assigneeId.toString(),
                target == null ? null : target.toString(), actorId, now)));
    }

    /** This ticket with some components changed: the one place the full constructor is called for a copy. */
    private Ticket copy(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return new Ticket(id, draft.number, draft.title, draft.description, draft.status, draft.priority, categoryId,
                authorId, draft.assigneeId, createdAt, draft.updatedAt, draft.resolvedAt, draft.closedAt,
                draft.lastActivityAt, draft.version);
    }

    /** The components a change may replace; id, category, author and creation time never change. */
    private static final class Draft {
        long number;
        String title;
        String description;
        TicketStatus status;
        TicketPriority priority;
        UUID assigneeId;
        Instant updatedAt;
        Instant resolvedAt;
        Instant closedAt;
        Instant lastActivityAt;
        long version;

        Draft(Ticket from) {
            number = from.number;
            title = from.title;
            description = from.description;
            status = from.status;
            priority = from.priority;
            assigneeId = from.assigneeId;
            updatedAt = from.updatedAt;
            resolvedAt = from.resolvedAt;
            closedAt = from.closedAt;
            lastActivityAt = from.lastActivityAt;
            version = from.version;
        }
    }
}
