package io.ticketdesk.adapters.persistence.tickets;

import io.ticketdesk.adapters.persistence.JdbiTransactions;
import io.ticketdesk.application.port.out.persistence.MessageRepository;
import io.ticketdesk.domain.messages.Message;

public final class JdbiMessageRepository implements MessageRepository {

    private final JdbiTransactions transactions;

    public JdbiMessageRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Message message) {
        transactions.withHandle(handle -> {
            handle.createUpdate("""
                    INSERT INTO messages (id, ticket_id, author_id, content, is_internal, created_at)
                    VALUES (:id, :ticketId, :authorId, :content, :internal, :createdAt)""")
                    .bindMethods(message)
                    .execute();
            // the list pages read these counters instead of counting messages per row; the first
            // public answer by staff (not the author) is the ticket's response, for the statistics
            return handle.createUpdate("""
                    UPDATE tickets SET messages_count = messages_count + 1, last_message_at = :createdAt,
                        public_messages_count = public_messages_count + CASE WHEN :internal THEN 0 ELSE 1 END,
                        last_public_message_at = CASE WHEN :internal THEN last_public_message_at ELSE :createdAt END,
                        first_response_at = COALESCE(first_response_at,
                            CASE WHEN poster.answers AND author_id <> :authorId THEN :createdAt END),
                        first_responder_id = CASE WHEN first_response_at IS NULL AND poster.answers
                                                       AND author_id <> :authorId THEN :authorId
                                                  ELSE first_responder_id END
                    FROM (SELECT role <> 'USER' AND NOT :internal AS answers FROM users WHERE id = :authorId) poster
                    WHERE id = :ticketId""")
                    .bindMethods(message)
                    .execute();
        });
    }
}
