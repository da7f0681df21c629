-- Files attached to messages: the link V3 left open now points at messages. Deleting a ticket
-- deletes its messages and, with them, its files' rows (the service removes their bytes).
ALTER TABLE files
    ADD CONSTRAINT files_message_fk FOREIGN KEY (message_id) REFERENCES messages (id) ON DELETE CASCADE;
