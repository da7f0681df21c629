package io.ticketdesk.application.port.out.persistence;

import java.util.function.Supplier;

/** Runs a use case's work as one database transaction; repositories called inside join it. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
