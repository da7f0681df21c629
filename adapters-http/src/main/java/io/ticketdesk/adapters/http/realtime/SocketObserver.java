package io.ticketdesk.adapters.http.realtime;

/** Told when a ticket socket opens and closes and when an event goes out on it (for metrics). */
public interface SocketObserver {

    SocketObserver NONE = new SocketObserver() {
        @Override
        public void opened() {
        }

        @Override
        public void closed() {
        }

        @Override
        public void eventSent(String type) {
        }
    };

    void opened();

    void closed();

    /** {@code type}: the frame's {@code type}, such as {@code new_message}. */
    void eventSent(String type);
}
