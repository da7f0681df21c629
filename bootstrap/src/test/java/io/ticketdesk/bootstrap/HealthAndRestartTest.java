package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up on the embedded database, a restart that keeps everything, and /health when the database dies. */
class HealthAndRestartTest {

    @Test
    void dataAndTokensSurviveARestartOnTheSameDataDir(@TempDir Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", null); // the embedded PostgreSQL under DATA_DIR
        env.put("JWT_SECRET", null); // generated once and kept in the database
        env.put("DATA_DIR", dataDir.toString());
        try (DeskUnderTest desk = DeskUnderTest.start(env)) {
            assertEquals(200, desk.get("/health", null).status());
            String token = desk.logIn(4242, "Ann");
            desk.put("/api/v1/auth/profile", token, Map.of("last_name", "Persisted"));
            String id = desk.get("/api/v1/auth/me", token).json().get("id").asText();

            desk.restart();

            DeskUnderTest.Response me = desk.get("/api/v1/auth/me", token);
            assertEquals(200, me.status(), me.body());
            assertEquals(id, me.json().get("id").asText());
            assertEquals("Persisted", me.json().get("last_name").asText());
        }
        assertEquals(true, Files.isDirectory(dataDir.resolve("postgres")));
    }

    @Test
    void healthIsUpWhileTheDatabaseAnswersAndDownAfterItStops() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        PostgresUrl url = new PostgresUrl(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        try (DeskUnderTest desk = DeskUnderTest.start(Collections.singletonMap("DATABASE_URL",
                DeskUnderTest.asEnvironmentValue(url)))) {
            DeskUnderTest.Response up = desk.get("/health", null);
            assertEquals(200, up.status());
            assertEquals("{\"status\":\"UP\",\"database\":\"UP\"}", up.body());

            postgres.close();

            DeskUnderTest.Response down = desk.get("/health", null);
            assertEquals(503, down.status());
            assertEquals("{\"status\":\"DOWN\",\"database\":\"DOWN\"}", down.body());
        }
    }
}
