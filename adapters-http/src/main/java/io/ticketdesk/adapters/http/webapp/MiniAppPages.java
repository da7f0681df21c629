package io.ticketdesk.adapters.http.webapp;

import io.javalin.config.RoutesConfig;
import io.ticketdesk.adapters.http.Access;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Serves the Mini App from the jar: {@code /} is the page (never cached, strict CSP), {@code /app/<hash>/…}
 * its own modules under a content hash of all of them; the libraries come from {@code /webjars/<name>/<version>/…}
 * (Javalin's webjar handler). Both asset paths change when their content does, so browsers keep them for a year.
 */
public final class MiniAppPages {

    static final String ROOT = "webapp";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Where Telegram's own web clients embed Mini Apps. */
    static final String FRAME_ANCESTORS = "'self' https://web.telegram.org https://webk.telegram.org "
            + "https://webz.telegram.org https://*.telegram.org";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./-]+");
    private static final Pattern IMPORT_MAP = Pattern.compile(
            "<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    private static final Pattern INLINE_STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    /** What the page tells the front end about this desk; nothing secret. */
    public record PageSettings(boolean demo, Optional<String> botUsername) {
    }

    private final Map<String, byte[]> assets;
    private final String version;
    private final byte[] page;
    private final String policy;

    public MiniAppPages(PageSettings settings) {
        this.assets = readAssets();
        this.version = contentHash(assets);
        String template = new String(assets.get("index.html"), StandardCharsets.UTF_8);
        String html = template
                .replace("{{STYLES}}", new String(assets.get("app.css"), StandardCharsets.UTF_8).strip())
                .replace("{{ASSETS}}", "/app/" + version)
                .replace("{{DEMO}}", Boolean.toString(settings.demo()))
                .replace("{{BOT_USERNAME}}", settings.botUsername().filter(n -> n.matches("[A-Za-z0-9_]{1,64}"))
                        .orElse(""));
        this.page = html.getBytes(StandardCharsets.UTF_8);
        this.policy = contentSecurityPolicy(html);
    }

    /** The hash in the assets' path: the first 16 hex digits of SHA-256 over every file, names included. */
    public String version() {
        return version;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", this::page, Access.PUBLIC);
        routes.get("/app/{version}/{file}", ctx -> asset(ctx, ctx.pathParam("file")), Access.PUBLIC);
        routes.get("/app/{version}/screens/{file}", ctx -> asset(ctx, "screens/" + ctx.pathParam("file")),
                Access.PUBLIC);
    }

    private void page(Context ctx) {
        securityHeaders(ctx);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    private void asset(Context ctx, String path) {
        byte[] bytes = SAFE_PATH.matcher(path).matches() && !path.contains("..") ? assets.get(path) : null;
        if (bytes == null || path.equals("index.html")) {
            throw new NotFoundResponse();
        }
        // an old page asking for an old hash gets today's file, but must not keep it
        ctx.header("Cache-Control", version.equals(ctx.pathParam("version")) ? IMMUTABLE : "no-cache");
        send(ctx, path, bytes);
    }

    private static void send(Context ctx, String path, byte[] bytes) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(contentType(path)).result(bytes);
    }

    private void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", policy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    /**
     * Scripts only from here, the inline import map (by its hash) and telegram.org (the Mini App script and
     * the login widget, whose iframe comes from oauth.telegram.org); styles from here and the page's own inline
     * styles (by their hash); attachments are shown as blob: URLs.
     */
    static String contentSecurityPolicy(String html) {
        var importMap = IMPORT_MAP.matcher(html);
        String mapHash = importMap.find() ? " 'sha256-" + sha256Base64(importMap.group(1)) + "'" : "";
        var style = INLINE_STYLE.matcher(html);
        String styleHash = style.find() ? " 'sha256-" + sha256Base64(style.group(1)) + "'" : "";
        return "default-src 'none'; script-src 'self'" + mapHash + " https://telegram.org; "
                + "style-src 'self'" + styleHash + "; img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; "
                + "manifest-src 'self'; frame-src https://oauth.telegram.org; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors " + FRAME_ANCESTORS;
    }

    static String contentType(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".js") || name.endsWith(".mjs")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".json") || name.endsWith(".webmanifest")) {
            return "application/json";
        }
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        return "application/octet-stream";
    }

    /** Every file under {@code webapp/} on the class path, by its path below that folder. */
    private static Map<String, byte[]> readAssets() {
        URL marker = MiniAppPages.class.getClassLoader().getResource(ROOT + "/index.html");
        if (marker == null) {
            throw new IllegalStateException(ROOT + "/index.html is missing from the class path");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException open) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return readTree(jar.getPath("/" + ROOT));
            }
            return readTree(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the Mini App's files", e);
        }
    }

    private static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static String contentHash(Map<String, byte[]> files) {
        MessageDigest digest = sha256();
        files.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static String sha256Base64(String text) {
        return Base64.getEncoder().encodeToString(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
