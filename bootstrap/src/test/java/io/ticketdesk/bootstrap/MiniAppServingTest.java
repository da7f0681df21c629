package io.ticketdesk.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Mini App's files over HTTP: caching, compression, the content security policy, and every module resolving. */
class MiniAppServingTest {

    private static final Pattern ASSETS = Pattern.compile("name=\"desk-assets\" content=\"(/app/[0-9a-f]{16})\"");
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);
    /** Our modules' static imports, and the library paths they load later (import(UPLOT)). */
    private static final Pattern IMPORTS = Pattern.compile("(?m)^import [^;]*?from '([^']+)';|'(/webjars/[^']+\\.js)'");
    private static DeskUnderTest desk;

    @BeforeAll
    static void start() {
        desk = DeskUnderTest.start(Map.of("BOT_USERNAME", "@desk_test_bot"));
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    private static String assets(String page) {
        Matcher matcher = ASSETS.matcher(page);
        assertTrue(matcher.find(), page);
        return matcher.group(1);
    }

    /** The libraries come from Javalin's webjar handler, outside the API document the desk's client checks against. */
    private static HttpResponse<String> webjar(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(desk.uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(path, e);
        }
    }

    @Test
    void thePageIsNeverCachedAndCarriesAStrictPolicyThatTelegramMayEmbed() throws Exception {
        DeskUnderTest.Response page = desk.get("/", null);
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertEquals("no-cache", page.header("Cache-Control"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        String policy = page.header("Content-Security-Policy");
        assertNotNull(policy);
        assertTrue(policy.startsWith("default-src 'none'; "), policy);
        assertTrue(policy.contains("frame-ancestors 'self' https://web.telegram.org"), policy);
        assertTrue(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), policy);
        Matcher map = IMPORT_MAP.matcher(page.body());
        assertTrue(map.find());
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(map.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(policy.contains("script-src 'self' 'sha256-" + hash + "' https://telegram.org;"),
                "the inline import map is allowed by its hash and nothing else inline: " + policy);
        Matcher style = INLINE_STYLE.matcher(page.body());
        assertTrue(style.find(), "the styles are inlined, so the first paint needs no second request");
        assertTrue(style.group(1).contains("--text:"), "with the palettes of app.css");
        String styleHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(policy.contains("style-src 'self' 'sha256-" + styleHash + "';"),
                "the inline styles are allowed by their hash and nothing else inline: " + policy);
        assertTrue(page.body().contains("name=\"desk-bot\" content=\"desk_test_bot\""), "the widget's bot is known");
    }

    @Test
    void hashedAssetsAreKeptForAYearAndEveryModuleTheyImportResolves() {
        String base = assets(desk.get("/", null).body());
        Deque<String> pending = new ArrayDeque<>(java.util.List.of(base + "/main.js"));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            String path = pending.pop();
            if (!seen.add(path)) {
                continue;
            }
            if (path.startsWith("/webjars/")) {
                HttpResponse<String> library = webjar(path);
                assertEquals(200, library.statusCode(), path);
                assertTrue(library.headers().firstValue("Cache-Control").orElse("").contains("max-age=31622400"), path);
                continue;
            }
            DeskUnderTest.Response module = desk.get(path, null);
            assertEquals(200, module.status(), path);
            assertEquals("public, max-age=31536000, immutable", module.header("Cache-Control"), path);
            assertTrue(module.header("Content-Type").startsWith("text/javascript"), path);
            Matcher imports = IMPORTS.matcher(module.body());
            while (imports.find()) {
                String target = imports.group(1) != null ? imports.group(1) : imports.group(2);
                if (target.startsWith("./") || target.startsWith("../")) {
                    pending.add(java.net.URI.create("http://x" + path).resolve(target).getPath());
                } else if (target.startsWith("/")) {
                    pending.add(target);
                } else {
                    assertTrue(target.equals("preact") || target.equals("preact/hooks"), "a bare import outside the map: " + target);
                }
            }
        }
        assertTrue(seen.size() >= 10, "main.js, its screens and the libraries: " + seen);
        assertTrue(seen.contains("/webjars/uplot/1.6.30/dist/uPlot.esm.js"), seen.toString());
        DeskUnderTest.Response css = desk.get(base + "/app.css", null);
        assertTrue(css.header("Content-Type").startsWith("text/css"));
        assertEquals(200, webjar("/webjars/preact/10.24.3/hooks/dist/hooks.module.js").statusCode());
    }

    @Test
    void anOldHashGetsTodaysFileUncachedAndStrangePathsAreNotFound() {
        DeskUnderTest.Response stale = desk.get("/app/0000000000000000/main.js", null);
        assertEquals(200, stale.status());
        assertEquals("no-cache", stale.header("Cache-Control"));
        String base = assets(desk.get("/", null).body());
        assertEquals(404, desk.get(base + "/missing.js", null).status());
        assertEquals(404, desk.get(base + "/index.html", null).status());
        assertEquals(404, desk.get(base + "/..%2F..%2Fapplication.properties", null).status());
        assertEquals(404, webjar("/webjars/preact/10.24.3/nothing.js").statusCode());
        assertEquals(404, webjar("/webjars/..%2F..%2Fi18n/messages_en.properties").statusCode());
    }

    @Test
    void scriptsAndStylesAreCompressedForBrowsersThatAcceptGzip() {
        String base = assets(desk.get("/", null).body());
        HttpResponse<byte[]> compressed = desk.download(base + "/screens/ticket.js", null, "Accept-Encoding", "gzip");
        assertEquals(200, compressed.statusCode());
        assertEquals("gzip", compressed.headers().firstValue("Content-Encoding").orElse(null));
        HttpResponse<byte[]> plain = desk.download(base + "/screens/ticket.js", null);
        assertTrue(compressed.body().length * 2 < plain.body().length,
                compressed.body().length + " gzipped bytes against " + plain.body().length);
    }
}
