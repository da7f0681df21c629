package io.ticketdesk.bootstrap;

import io.ticketdesk.adapters.persistence.PostgresUrl;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that runs inside the service when no {@code DATABASE_URL} is given, with its data
 * in {@code DATA_DIR/postgres}. It runs durably (fsync, synchronous commit, full-page writes), lets
 * in only the superuser with the password kept in {@code DATA_DIR/postgres-password} over loopback
 * TCP (SCRAM), recovers from a server an earlier, killed run left behind, and is stopped by a
 * watchdog process when the JVM dies without closing it (docs/decisions.md, "Embedded PostgreSQL").
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    /** Crash recovery of a large write-ahead log can take minutes; a dead process is noticed at once. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);
    static final String PASSWORD_FILE = "postgres-password";
    static final String LOG_FILE = "postgres.log";
    static final String ACCESS_RULES = """
            # Written by the ticket desk at every start (docs/decisions.md, "Embedded PostgreSQL"):
            # only password (SCRAM) logins, only over loopback TCP; Unix sockets are switched off.
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    /**
     * Blocks reading its stdin, which only the JVM holds open; at EOF (the JVM closed it or died)
     * it asks the server for a fast shutdown, if that pid still runs in the data directory, and
     * kills it after 30 s.
     */
    private static final String WATCHDOG = """
            while read -r _; do :; done
            [ "$(readlink /proc/$1/cwd 2>/dev/null)" = "$2" ] || exit 0
            kill -INT "$1" 2>/dev/null
            n=0
            while [ "$(readlink /proc/$1/cwd 2>/dev/null)" = "$2" ] && [ "$n" -lt 400 ]; do
              n=$((n+1)); [ "$n" -eq 300 ] && kill -KILL "$1" 2>/dev/null; sleep 0.1
            done
            """;

    private final Path directory;
    private final FileChannel lockChannel;
    private final Process server;
    private final Process watchdog;
    private final int port;
    private final String password;
    private boolean closed;

    private EmbeddedPostgresServer(Path directory, FileChannel lockChannel, Process server, Process watchdog, int port,
                                   String password) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.server = server;
        this.watchdog = watchdog;
        this.port = port;
        this.password = password;
    }

    public static EmbeddedPostgresServer start(Path dataDir) {
        Path directory = dataDir.resolve("postgres");
        FileChannel lockChannel = lockDataDir(dataDir);
        Process server = null;
        Process watchdog = null;
        try {
            Path bin = PostgresBinaries.unpackInto(dataDir.resolve("postgres-binaries"));
            Path log = ownerOnlyFile(dataDir.resolve(LOG_FILE));
            LeftoverPostgres.clear(directory);
            String password = prepareDataDirectory(bin, dataDir, directory, log);
            writeOwnerOnly(directory.resolve("pg_hba.conf"), ACCESS_RULES);
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                long logFrom = Files.size(log);
                server = launch(command(bin, "postgres", "-D", directory.toString(), "-p", Integer.toString(port),
                        "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                        // durable: an acknowledged commit is on disk, whatever is killed afterwards
                        "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on",
                        "-c", "password_encryption=scram-sha-256", "-c", "timezone=UTC", "-c", "max_connections=300"), log)
                        .start();
                watchdog = startWatchdog(server.pid(), directory.toRealPath(), log);
                try {
                    awaitReady(server, directory, port, password, log, logFrom);
                    LOG.info("embedded PostgreSQL started on port {} of 127.0.0.1 with data in {} (log: {})", port, directory, log);
                    return new EmbeddedPostgresServer(directory, lockChannel, server, watchdog, port, password);
                } catch (PortTakenException taken) {
                    stop(server, watchdog);
                    if (attempt == 3) {
                        throw taken;
                    }
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stop(server, watchdog);
            release(lockChannel);
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /** One service per DATA_DIR: a second one would fight the first over its PostgreSQL. */
    private static FileChannel lockDataDir(Path dataDir) {
        Path lockFile = dataDir.resolve("postgres.lock");
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("DATA_DIR " + dataDir + " is in use by another running ticket desk (it holds "
                        + lockFile + "); stop that one or give this one another DATA_DIR");
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + lockFile, e);
        }
    }

    /** Creates the cluster on first start; secures one made by an earlier version; returns the password. */
    private static String prepareDataDirectory(Path bin, Path dataDir, Path directory, Path log)
            throws IOException, InterruptedException {
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        if (!Files.exists(directory.resolve("PG_VERSION"))) {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> entries = Files.list(directory)) {
                    // an earlier version created the directory before initdb; anything else is not ours to delete
                    if (entries.anyMatch(entry -> !entry.getFileName().toString().equals("epg-lock"))) {
                        throw new IllegalStateException(directory + " is not empty but holds no PostgreSQL data "
                                + "(no PG_VERSION); move it away and start again");
                    }
                }
                deleteTree(directory);
            }
            String password = newPassword();
            writeOwnerOnly(passwordFile, password + "\n");
            // initdb into a sibling and rename: a start killed half-way never leaves a half-made cluster behind
            Path fresh = dataDir.resolve("postgres.initdb");
            deleteTree(fresh);
            run(command(bin, "initdb", "-A", "scram-sha-256", "-U", SUPERUSER, "--pwfile=" + passwordFile,
                    "-E", "UTF-8", "-D", fresh.toString()), null, log);
            Files.move(fresh, directory, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("created the embedded PostgreSQL cluster in {}", directory);
            return password;
        }
        if (Files.isRegularFile(passwordFile)) {
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        }
        // a cluster of an earlier version trusted every local login: set a password before requiring it
        LOG.info("securing the embedded PostgreSQL in {}: its superuser gets a password kept in {}", directory, passwordFile);
        String password = newPassword();
        run(command(bin, "postgres", "--single", "-D", directory.toString(), "-c", "unix_socket_directories=",
                        "-c", "listen_addresses=", SUPERUSER),
                "ALTER ROLE " + SUPERUSER + " PASSWORD '" + ScramVerifier.of(password) + "';\n", log);
        writeOwnerOnly(passwordFile, password + "\n");
        return password;
    }

    /** {@code unshare -U} lets PostgreSQL run when the service runs as root (it refuses root itself). */
    private static List<String> command(Path bin, String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        return command;
    }

    private static ProcessBuilder launch(List<String> command, Path log) {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private static void run(List<String> command, String input, Path log) throws IOException, InterruptedException {
        long logFrom = Files.size(log);
        Process process = launch(command, log).start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(command.size() > 2 ? 2 : 0) + " did not finish within 5 minutes");
        }
        if (process.exitValue() != 0) {
            String program = Path.of(command.stream().filter(part -> part.contains("/")).findFirst().orElse("?"))
                    .getFileName().toString();
            throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
                    + problems(log, logFrom));
        }
    }

    private static Process startWatchdog(long serverPid, Path realDirectory, Path log) throws IOException {
        return new ProcessBuilder("sh", "-c", WATCHDOG, "ticketdesk-postgres-watchdog", Long.toString(serverPid),
                realDirectory.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static void awaitReady(Process server, Path directory, int port, String password, Path log, long logFrom)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                String problems = problems(log, logFrom);
                if (problems.contains("could not bind") || problems.contains("could not create any TCP/IP sockets")) {
                    throw new PortTakenException(problems);
                }
                throw new IllegalStateException("PostgreSQL exited (code " + server.exitValue() + "): " + problems);
            }
            if (isReady(directory, server.pid())) {
                try (Connection connection = DriverManager.getConnection(jdbcUrl(port), SUPERUSER, password)) {
                    return;
                } catch (SQLException notYet) {
                    if ("28P01".equals(notYet.getSQLState())) {
                        throw new IllegalStateException("PostgreSQL refuses the password kept in " + PASSWORD_FILE
                                + " (was the file replaced?): " + notYet.getMessage());
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("PostgreSQL was not ready within " + READY_WITHIN.toMinutes() + " minutes; see " + log);
    }

    /** Line 8 of postmaster.pid says {@code ready} once the server accepts connections. */
    private static boolean isReady(Path directory, long pid) throws IOException {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.size() > 7 && lines.get(0).strip().equals(Long.toString(pid)) && lines.get(7).strip().equals("ready");
        } catch (NoSuchFileException notYet) {
            return false;
        }
    }

    /** What PostgreSQL logged last since {@code from}, and where the whole log is. */
    private static String problems(Path log, long from) {
        try {
            byte[] all = Files.readAllBytes(log);
            String since = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    StandardCharsets.UTF_8);
            // the last lines a failed program wrote give the reason (a FATAL and the LOG or HINT around it)
            List<String> lines = since.lines().filter(line -> !line.isBlank()).toList();
            String found = String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
            String hint = found.contains("cannot be run as root")
                    ? " (PostgreSQL refuses to run as root and 'unshare -U' is not permitted here: run the service as "
                    + "another user or set DATABASE_URL to an external PostgreSQL)"
                    : "";
            return (found.isEmpty() ? "nothing logged" : found) + hint + "; full log in " + log;
        } catch (IOException e) {
            return "see " + log;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path ownerOnlyFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return file;
    }

    /** Written to a temporary file readable by the owner only, then renamed into place. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public PostgresUrl url() {
        return new PostgresUrl(jdbcUrl(port), SUPERUSER, password);
    }

    /** The server's process id, for tests that kill it. */
    long pid() {
        return server.pid();
    }

    Path directory() {
        return directory;
    }

    /** Fast shutdown (open sessions are cut, a checkpoint is written), then the watchdog goes. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(server, watchdog);
        release(lockChannel);
        LOG.info("embedded PostgreSQL stopped");
    }

    private static void stop(Process server, Process watchdog) {
        try {
            if (server != null && server.isAlive()) {
                LeftoverPostgres.signal(server.pid(), "INT");
                if (!server.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                    LOG.warn("the embedded PostgreSQL did not stop within {} s; killing it", STOP_WITHIN.toSeconds());
                    server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            if (watchdog != null) {
                watchdog.getOutputStream().close();
                if (!watchdog.waitFor(2, TimeUnit.SECONDS)) {
                    watchdog.destroyForcibly();
                }
            }
        } catch (IOException e) {
            LOG.warn("could not stop the embedded PostgreSQL cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void release(FileChannel lockChannel) {
        try {
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("could not release the DATA_DIR lock", e);
        }
    }

    /** The chosen port was taken between choosing and binding: try another. */
    private static final class PortTakenException extends IllegalStateException {
        PortTakenException(String problems) {
            super("PostgreSQL could not listen: " + problems);
        }
    }
}
