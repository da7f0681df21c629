package io.ticketdesk.adapters.http.paging;

/** {@code {"message": "..."}}: what a delete answers. */
public record MessageBody(String message) {
}
