package io.ticketdesk.adapters.telegram.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import io.ticketdesk.domain.users.TelegramIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Login Widget's data, checked as Telegram documents it, with the same refusals as initData. */
class TelegramLoginWidgetVerifierTest {

    private static final String TOKEN = "123456:TEST-token_for-known-answer";
    private static final long SIGNED_AT = 1662771648L;
    /** Signed outside Java (Python's hmac and hashlib), so the algorithm is checked, not just self-consistent. */
    private static final String WIDGET_DATA = "id=279058397&first_name=Vladislav&last_name=Kibenko&username=vdkfrost"
            + "&photo_url=https%3A%2F%2Ft.me%2Fi%2Fuserpic%2F320%2Fx.jpg&auth_date=" + SIGNED_AT
            + "&hash=76ed016db3150c5881af8b6f8661780a23425c9eae50a1ebafe9279005c58f72";

    private static TelegramLoginWidgetVerifier at(long epochSecond) {
        return new TelegramLoginWidgetVerifier(TOKEN, Duration.ofHours(24),
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static String refusal(TelegramLoginWidgetVerifier verifier, String data) {
        return assertThrows(InvalidInitDataException.class, () -> verifier.verify(data, null)).reason();
    }

    @Test
    void acceptsDataSignedByAnIndependentImplementation() {
        assertEquals(new TelegramIdentity(279058397L, "Vladislav", "Kibenko", "vdkfrost", null),
                at(SIGNED_AT + 60).verify(WIDGET_DATA, null));
    }

    @Test
    void refusesChangedUnsignedMalformedOldAndFutureData() {
        TelegramLoginWidgetVerifier verifier = at(SIGNED_AT + 60);
        assertEquals("auth.init_data.signature", refusal(verifier, WIDGET_DATA.replace("id=279058397", "id=1")));
        assertEquals("auth.init_data.missing_hash", refusal(verifier, WIDGET_DATA.substring(0, WIDGET_DATA.indexOf("&hash="))));
        assertEquals("auth.init_data.malformed", refusal(verifier, "id=1&id=2&" + WIDGET_DATA));
        assertEquals("auth.init_data.malformed", refusal(verifier, "=x&" + WIDGET_DATA));
        assertEquals("auth.init_data.expired", refusal(at(SIGNED_AT + Duration.ofHours(25).toSeconds()), WIDGET_DATA));
        assertEquals("auth.init_data.future", refusal(at(SIGNED_AT - 120), WIDGET_DATA));
    }

    @Test
    void aSignedPayloadWithoutAPersonIsRefused() {
        LoginWidgetSigner signer = new LoginWidgetSigner(TOKEN);
        String noName = "id=5&auth_date=" + SIGNED_AT + "&hash="
                + signer.sign(Map.of("id", "5", "auth_date", String.valueOf(SIGNED_AT))).get("hash");
        assertEquals("auth.init_data.no_user", refusal(at(SIGNED_AT), noName));
    }
}
