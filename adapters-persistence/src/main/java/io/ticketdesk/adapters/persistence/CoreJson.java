package io.ticketdesk.adapters.persistence;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ticketdesk.application.port.in.events.DeskEvent;
import io.ticketdesk.application.port.out.realtime.TicketSignal;

/**
 * The JSON form of the core's signals and events, as stored or sent by this adapter. The type
 * names are configured here (mix-ins), so the application's records carry no annotations; the
 * names are the stored contract: rename a record freely, never a name below.
 */
public final class CoreJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .addMixIn(TicketSignal.class, SignalTypes.class)
            .addMixIn(DeskEvent.class, EventKinds.class)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            // a newer instance may add a field during a rolling upgrade; an older one ignores it
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CoreJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = TicketSignal.MessagePosted.class, name = "message"),
            @JsonSubTypes.Type(value = TicketSignal.StatusChanged.class, name = "status"),
            @JsonSubTypes.Type(value = TicketSignal.TicketUpdated.class, name = "updated"),
            @JsonSubTypes.Type(value = TicketSignal.Typing.class, name = "typing"),
            @JsonSubTypes.Type(value = TicketSignal.TicketDeleted.class, name = "deleted"),
            // {"type":"access","userId":"…"}: the V60 trigger on users writes this exact text too
            @JsonSubTypes.Type(value = TicketSignal.AccessChanged.class, name = "access"),
            @JsonSubTypes.Type(value = TicketSignal.EventsRecorded.class, name = "events")})
    private interface SignalTypes {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = DeskEvent.TicketCreated.class, name = "ticket_created"),
            @JsonSubTypes.Type(value = DeskEvent.MessagePosted.class, name = "message_posted"),
            @JsonSubTypes.Type(value = DeskEvent.StatusChanged.class, name = "status_changed"),
            @JsonSubTypes.Type(value = DeskEvent.AssigneeChanged.class, name = "assignee_changed"),
            @JsonSubTypes.Type(value = DeskEvent.PriorityChanged.class, name = "priority_changed"),
            @JsonSubTypes.Type(value = DeskEvent.TitleChanged.class, name = "title_changed"),
            @JsonSubTypes.Type(value = DeskEvent.TicketDeleted.class, name = "ticket_deleted"),
            @JsonSubTypes.Type(value = DeskEvent.UserBlocked.class, name = "user_blocked"),
            @JsonSubTypes.Type(value = DeskEvent.UserUnblocked.class, name = "user_unblocked"),
            @JsonSubTypes.Type(value = DeskEvent.RoleChanged.class, name = "role_changed")})
    private interface EventKinds {
    }
}
