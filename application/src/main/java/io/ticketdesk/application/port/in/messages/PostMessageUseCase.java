package io.ticketdesk.application.port.in.messages;

/** Adds a message to a ticket and makes the automatic status moves it causes (SPEC §4). */
public interface PostMessageUseCase {

    MessageView post(PostMessageCommand command);
}
