package io.ticketdesk.bootstrap.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** {@code %safeEx} in logback.xml: stack traces whose messages may quote a request, control characters escaped. */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return LogText.escape(super.throwableProxyToString(proxy), true);
    }
}
