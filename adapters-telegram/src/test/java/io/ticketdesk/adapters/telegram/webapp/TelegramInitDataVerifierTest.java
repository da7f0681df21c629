package io.ticketdesk.adapters.telegram.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ticketdesk.application.port.out.auth.InvalidInitDataException;
import io.ticketdesk.domain.users.TelegramIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramInitDataVerifierTest {

    private static final String TOKEN = "123456:TEST-token_for-known-answer";
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final TelegramInitDataVerifier verifier = new TelegramInitDataVerifier(TOKEN, Duration.ofHours(24), CLOCK);
    private final InitDataSigner signer = new InitDataSigner(TOKEN);

    /** Signed outside Java (Python's hmac module), so the algorithm is checked, not just self-consistent. */
    @Test
    void acceptsDataSignedByAnIndependentImplementation() {
        String initData = "query_id=AAHdF6IQAAAAAN0XohDhrOrc&user=%7B%22id%22%3A279058397%2C%22first_name%22%3A"
                + "%22Vladislav%22%2C%22last_name%22%3A%22Kibenko%22%2C%22username%22%3A%22vdkfrost%22%2C"
                + "%22language_code%22%3A%22ru%22%2C%22is_premium%22%3Atrue%7D&auth_date=1662771648"
                + "&signature=abc-def_ghi&hash=12ec33d49f1878d0f8064dce46458bea8c09c946ab7ef323cf3a92e4db4cb533";
        Clock then = Clock.fixed(Instant.ofEpochSecond(1662771648L + 60), ZoneOffset.UTC);

        TelegramIdentity identity = new TelegramInitDataVerifier(TOKEN, Duration.ofHours(24), then).verify(initData, null);

        assertEquals(new TelegramIdentity(279058397L, "Vladislav", "Kibenko", "vdkfrost", "ru"), identity);
    }

    @Test
    void readsThePersonFromFreshlySignedData() {
        String initData = signer.sign(42, "Анна", null, "ann_k", "ru", NOW.minusSeconds(5));

        assertEquals(new TelegramIdentity(42, "Анна", null, "ann_k", "ru"), verifier.verify(initData, null));
    }

    @Test
    void acceptsAMatchingSeparateHashAndRefusesAnotherOne() {
        String initData = signer.sign(42, "Ann", null, null, null, NOW);
        String hash = initData.substring(initData.indexOf("hash=") + 5);

        assertEquals(42, verifier.verify(initData, hash).telegramId());
        assertReason("auth.init_data.hash_mismatch", () -> verifier.verify(initData, "00" + hash.substring(2)));
    }

    @Test
    void refusesATamperedField() {
        String initData = signer.sign(42, "Ann", null, null, null, NOW);
        String tampered = initData.replace("%22id%22%3A42", "%22id%22%3A43");

        assertReason("auth.init_data.signature", () -> verifier.verify(tampered, null));
    }

    @Test
    void refusesDataSignedForAnotherBot() {
        String initData = new InitDataSigner("999:another-bot").sign(42, "Ann", null, null, null, NOW);

        assertReason("auth.init_data.signature", () -> verifier.verify(initData, null));
    }

    @Test
    void refusesDataWithoutAHash() {
        String initData = signer.sign(42, "Ann", null, null, null, NOW);
        String withoutHash = initData.substring(0, initData.indexOf("&hash="));

        assertReason("auth.init_data.missing_hash", () -> verifier.verify(withoutHash, null));
    }

    @Test
    void refusesStaleData() {
        String initData = signer.sign(42, "Ann", null, null, null, NOW.minus(Duration.ofHours(24)).minusSeconds(1));

        assertReason("auth.init_data.expired", () -> verifier.verify(initData, null));
    }

    @Test
    void refusesDataFromTheFutureBeyondClockSkew() {
        String initData = signer.sign(42, "Ann", null, null, null, NOW.plus(Duration.ofHours(1)));
        String slightlyAhead = signer.sign(42, "Ann", null, null, null, NOW.plusSeconds(10));

        assertReason("auth.init_data.future", () -> verifier.verify(initData, null));
        assertEquals(42, verifier.verify(slightlyAhead, null).telegramId());
    }

    @Test
    void refusesWellSignedDataWithoutAUserOrDate() {
        Map<String, String> noUser = new LinkedHashMap<>();
        noUser.put("auth_date", Long.toString(NOW.getEpochSecond()));
        Map<String, String> noDate = new LinkedHashMap<>();
        noDate.put("user", "{\"id\":42,\"first_name\":\"Ann\"}");

        assertReason("auth.init_data.no_user", () -> verifier.verify(signer.signFields(noUser), null));
        assertReason("auth.init_data.auth_date", () -> verifier.verify(signer.signFields(noDate), null));
    }

    @Test
    void refusesMalformedAndRepeatedFields() {
        String initData = signer.sign(42, "Ann", null, null, null, NOW);

        assertReason("auth.init_data.malformed", () -> verifier.verify("no-equals-sign", null));
        assertReason("auth.init_data.malformed", () -> verifier.verify("user=%zz&hash=ab", null));
        assertReason("auth.init_data.malformed", () -> verifier.verify(initData + "&auth_date=1", null));
    }

    private static void assertReason(String reason, Runnable verification) {
        assertEquals(reason, assertThrows(InvalidInitDataException.class, verification::run).reason());
    }
}
