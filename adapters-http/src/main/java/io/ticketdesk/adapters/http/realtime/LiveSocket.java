package io.ticketdesk.adapters.http.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsContext;
import io.ticketdesk.adapters.http.i18n.Messages;
import io.ticketdesk.adapters.http.json.WireNames;
import io.ticketdesk.adapters.http.messages.MessagesController;
import io.ticketdesk.application.port.in.realtime.LiveEvent;
import io.ticketdesk.application.port.in.realtime.TicketWatcher;
import io.ticketdesk.application.port.out.realtime.TicketSignal;
import io.ticketdesk.domain.tickets.TicketChange;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * One open socket on a ticket: turns live events into {@code {type, data}} frames and sends them
 * without blocking. Frames waiting to go out are bounded: a client that stops reading is closed
 * with 1008 instead of growing the heap.
 */
final class LiveSocket implements TicketWatcher {

    static final int MAX_PENDING_FRAMES = 256;
    static final int POLICY_VIOLATION = 1008;

    private final WsContext ctx;
    private final ObjectMapper json;
    private final Messages messages;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final SocketObserver observer;
    private final TypingThrottle typingThrottle = new TypingThrottle();
    private volatile AutoCloseable watch;

    LiveSocket(WsContext ctx, ObjectMapper json, Messages messages, SocketObserver observer) {
        this.ctx = ctx;
        this.json = json;
        this.messages = messages;
        this.observer = observer;
        observer.opened();
    }

    void watching(AutoCloseable watch) {
        this.watch = watch;
    }

    TypingThrottle typingThrottle() {
        return typingThrottle;
    }

    @Override
    public void deliver(LiveEvent event) {
        JsonNode frame = frame(event);
        if (send(frame)) {
            observer.eventSent(frame.path("type").asText());
        }
    }

    @Override
    public void revoke(String reason) {
        close(POLICY_VIOLATION, messages.text(reason));
    }

    void pong() {
        send(json.createObjectNode().put("type", "pong"));
    }

    void error(String code, String messageKey) {
        ObjectNode frame = json.createObjectNode().put("type", "error");
        frame.putObject("data").put("code", code).put("message", messages.text(messageKey));
        send(frame);
    }

    /** False when the frame was not queued (socket closing, or the client too slow). */
    private boolean send(JsonNode frame) {
        if (closing.get() || !ctx.session.isOpen()) {
            return false;
        }
        if (pending.incrementAndGet() > MAX_PENDING_FRAMES) {
            close(POLICY_VIOLATION, messages.text("ws.too_slow"));
            return false;
        }
        ctx.session.sendText(frame.toString(), Callback.from(pending::decrementAndGet, failed -> pending.decrementAndGet()));
        return true;
    }

    void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            stopWatching();
            // close reasons are limited to 123 bytes by the protocol
            ctx.closeSession(code, reason.length() > 60 ? reason.substring(0, 60) : reason);
        }
    }

    void stopWatching() {
        if (ended.compareAndSet(false, true)) {
            observer.closed();
        }
        AutoCloseable current = watch;
        if (current != null) {
            try {
                current.close();
            } catch (Exception ignored) {
                // closing a watch only removes it from a map
            }
        }
    }

    private JsonNode frame(LiveEvent event) {
        ObjectNode frame = json.createObjectNode();
        ObjectNode data;
        if (event instanceof LiveEvent.NewMessage message) {
            frame.put("type", "new_message");
            data = json.valueToTree(MessagesController.Shown.from(message.message()));
        } else if (event instanceof LiveEvent.StatusChanged changed) {
            frame.put("type", "status_changed");
            data = json.createObjectNode().put("old_status", changed.oldStatus()).put("new_status", changed.newStatus());
            data.set("changed_by", actor(changed.by()));
        } else if (event instanceof LiveEvent.TicketUpdated updated) {
            frame.put("type", "ticket_updated");
            data = json.createObjectNode();
            ObjectNode changes = data.putObject("changes");
            for (Map.Entry<TicketChange.Field, TicketSignal.FieldChange> change : updated.changes().entrySet()) {
                changes.putObject(WireNames.of(change.getKey())).put("old", change.getValue().oldValue())
                        .put("new", change.getValue().newValue());
            }
            data.set("changed_by", actor(updated.by()));
        } else if (event instanceof LiveEvent.Resync) {
            frame.put("type", "resync");
            data = json.createObjectNode();
        } else {
            LiveEvent.Typing typing = (LiveEvent.Typing) event;
            frame.put("type", "typing");
            data = json.createObjectNode().put("user_id", typing.userId().toString())
                    .put("first_name", typing.firstName()).put("is_typing", typing.typing());
            frame.set("data", data);
            return frame;
        }
        data.put("ticket_id", event.ticketId().toString());
        frame.set("data", data);
        return frame;
    }

    private JsonNode actor(TicketSignal.Actor actor) {
        if (actor == null) {
            return json.nullNode();
        }
        return json.createObjectNode().put("id", actor.id().toString()).put("first_name", actor.firstName())
                .put("role", actor.role().name());
    }
}
