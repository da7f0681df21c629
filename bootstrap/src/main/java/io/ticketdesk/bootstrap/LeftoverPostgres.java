package io.ticketdesk.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code postmaster.pid} found in the data directory at start-up: a server left running by an
 * earlier run whose JVM was killed (stopped here: fast shutdown, then immediate, then SIGKILL), one
 * still exiting or a zombie (waited for until its shared memory is released), or a stale file whose
 * process is gone or whose pid now belongs to another program (removed, which PostgreSQL itself
 * refuses to do for a zombie or a reused pid).
 */
final class LeftoverPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostgres.class);
    /** A fast shutdown is asked first; an immediate one after this; SIGKILL after twice this. */
    static final Duration ESCALATE_AFTER = Duration.ofSeconds(10);
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);

    private LeftoverPostgres() {
    }

    /** Returns once nothing of an earlier server runs on {@code directory} and no lock file of it is left. */
    static void clear(Path directory) throws IOException, InterruptedException {
        Path pidFile = directory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException none) {
            return;
        }
        Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0));
        if (pid.isEmpty()) {
            // a lock file cut short while being written: its server never got to start
            LOG.warn("removing an unreadable {} left by an earlier run", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        Optional<String> sharedMemoryId = lines.size() > 6 ? shmId(lines.get(6)) : Optional.empty();
        Path realDirectory = directory.toRealPath();
        long started = System.nanoTime();
        int signalsSent = 0;
        while (true) {
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (isPostmasterOf(pid.get(), realDirectory)) {
                if (signalsSent == 0) {
                    LOG.warn("a PostgreSQL left running by an earlier run of the service (pid {}) holds {}; stopping it (fast shutdown)",
                            pid.get(), directory);
                    signal(pid.get(), "INT");
                    signalsSent = 1;
                } else if (signalsSent == 1 && waited.compareTo(ESCALATE_AFTER) > 0) {
                    LOG.warn("the left-over PostgreSQL (pid {}) did not stop within {} s; asking for an immediate shutdown",
                            pid.get(), ESCALATE_AFTER.toSeconds());
                    signal(pid.get(), "QUIT");
                    signalsSent = 2;
                } else if (signalsSent == 2 && waited.compareTo(ESCALATE_AFTER.multipliedBy(2)) > 0) {
                    LOG.warn("killing the left-over PostgreSQL (pid {})", pid.get());
                    signal(pid.get(), "KILL");
                    signalsSent = 3;
                }
            } else if (!sharedMemoryInUse(sharedMemoryId)) {
                // no postmaster and no backend of it attached to its shared memory: the file is stale
                if (Files.deleteIfExists(pidFile)) {
                    LOG.info("removed the lock file of an earlier PostgreSQL (pid {}) that is no longer running", pid.get());
                }
                return;
            }
            if (waited.compareTo(GIVE_UP_AFTER) > 0) {
                throw new IllegalStateException("a PostgreSQL left by an earlier run (pid " + pid.get() + ") still holds "
                        + directory + " after " + GIVE_UP_AFTER.toSeconds() + " s; stop it and start again");
            }
            Thread.sleep(50);
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            long pid = Long.parseLong(line.strip());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Line 7 of postmaster.pid: the System V shared memory key and id. */
    private static Optional<String> shmId(String line) {
        String[] parts = line.strip().split("\\s+");
        return parts.length == 2 ? Optional.of(parts[1]) : Optional.empty();
    }

    /** Alive (not a zombie) and working in {@code directory}: PostgreSQL changes into its data directory. */
    static boolean isPostmasterOf(long pid, Path directory) {
        Path proc = Path.of("/proc", Long.toString(pid));
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            // no /proc (not Linux): trust the pid when it is a running postgres program
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().command()).map(command -> command.contains("postgres"))
                    .orElse(false);
        }
        try {
            String stat = Files.readString(proc.resolve("stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            if (state == 'Z' || state == 'X') {
                return false;
            }
            return Files.readSymbolicLink(proc.resolve("cwd")).equals(directory);
        } catch (NoSuchFileException gone) {
            return false;
        } catch (IOException | RuntimeException unreadable) {
            // alive but not inspectable: assume it is the server rather than risk two on one directory
            return Files.isDirectory(proc);
        }
    }

    /** Whether any process is still attached to the segment (Linux: /proc/sysvipc/shm, column nattch). */
    private static boolean sharedMemoryInUse(Optional<String> shmId) {
        Path table = Path.of("/proc/sysvipc/shm");
        if (shmId.isEmpty() || !Files.isReadable(table)) {
            return false;
        }
        try {
            for (String row : Files.readAllLines(table, StandardCharsets.UTF_8)) {
                String[] columns = row.strip().split("\\s+");
                if (columns.length > 6 && columns[1].equals(shmId.get())) {
                    return !columns[6].equals("0");
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends a signal by name (Java has no API for SIGINT or SIGQUIT). */
    static void signal(long pid, String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(pid))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        kill.waitFor();
    }
}
