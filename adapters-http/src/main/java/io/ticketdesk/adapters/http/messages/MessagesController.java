package io.ticketdesk.adapters.http.messages;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import io.ticketdesk.adapters.http.ApiRoutes;
import io.ticketdesk.adapters.http.HttpApi;
import io.ticketdesk.adapters.http.auth.CallerAuthentication;
import io.ticketdesk.adapters.http.json.JsonRequest;
import io.ticketdesk.adapters.http.json.QueryParameters;
import io.ticketdesk.adapters.http.paging.PageResponse;
import io.ticketdesk.application.port.in.PageRequest;
import io.ticketdesk.application.port.in.messages.Attachment;
import io.ticketdesk.application.port.in.messages.ListMessagesQuery;
import io.ticketdesk.application.port.in.messages.MessageView;
import io.ticketdesk.application.port.in.messages.PostMessageCommand;
import io.ticketdesk.application.port.in.messages.PostMessageUseCase;
import io.ticketdesk.domain.messages.Message;
import io.ticketdesk.domain.users.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code /tickets/{id}/messages}: the conversation and new messages. */
public final class MessagesController implements ApiRoutes {

    private final ListMessagesQuery list;
    private final PostMessageUseCase post;

    public MessagesController(ListMessagesQuery list, PostMessageUseCase post) {
        this.list = list;
        this.post = post;
    }

    @Override
    public void addEndpoints() {
        path("/tickets/{id}/messages", () -> {
            get(this::list);
            post(this::send);
        });
    }

    private void list(Context ctx) {
        UUID ticketId = QueryParameters.pathId(ctx, "id");
        QueryParameters query = QueryParameters.of(ctx);
        var page = query.page(50);
        PageRequest request = query.toQuery(page);
        ctx.json(PageResponse.from(list.list(CallerAuthentication.caller(ctx), ticketId, request), Shown::from));
    }

    private void send(Context ctx) {
        UUID ticketId = QueryParameters.pathId(ctx, "id");
        JsonRequest body = JsonRequest.of(ctx);
        String content = body.text("content");
        Boolean internal = body.bool("is_internal");
        List<UUID> attachments = body.uuidList("attachments");
        User caller = CallerAuthentication.caller(ctx);
        MessageView posted = post.post(body.toCommand(() -> new PostMessageCommand(caller, ticketId, content,
                Boolean.TRUE.equals(internal), attachments)));
        ctx.status(201).json(Created.from(posted.message()));
    }

    /** A message as the conversation shows it; {@code attachments} is always present. */
    public record Shown(UUID id, String content, Author user, List<AttachmentShown> attachments,
                       @JsonProperty("is_internal") boolean internal, Instant createdAt) {
        public static Shown from(MessageView view) {
            Message m = view.message();
            return new Shown(m.id(), m.content(), new Author(view.author().id(), view.author().firstName(),
                    view.author().role().name()), view.attachments().stream().map(AttachmentShown::from).toList(),
                    m.internal(), m.createdAt());
        }
    }

    /** {@code {id, filename, size, content_type, url}} as the seed lists attachments. */
    public record AttachmentShown(UUID id, String filename, long size, String contentType, String url) {
        static AttachmentShown from(Attachment attachment) {
            return new AttachmentShown(attachment.id(), attachment.filename(), attachment.size(),
                    attachment.contentType(), HttpApi.PREFIX + "/files/" + attachment.id());
        }
    }

    public record Author(UUID id, String firstName, String role) {
    }

    /** {@code POST} answers with ids, as the seed shows. */
    record Created(UUID id, String content, UUID userId, UUID ticketId, @JsonProperty("is_internal") boolean internal,
                   Instant createdAt) {
        static Created from(Message m) {
            return new Created(m.id(), m.content(), m.authorId(), m.ticketId(), m.internal(), m.createdAt());
        }
    }
}
