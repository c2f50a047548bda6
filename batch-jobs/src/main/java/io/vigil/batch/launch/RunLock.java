package io.vigil.batch.launch;

import io.vigil.batch.errors.ExitCodes;
import io.vigil.batch.errors.VigilException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The run lock: one process at a time may import lists, screen or run the nightly job against a data directory.
 * An operating-system lock on {@code <data>/vigil.lock}, so it is released when the process ends in any way,
 * including {@code kill -9}; a stale lock file never blocks the next night. The holder writes its pid, command and
 * start time into the file, which the refused process prints.
 *
 * <p>{@code try (RunLock lock = RunLock.acquire(dataDir, "nightly 2026-11-20", clock.instant())) { … }} throws a
 * {@link VigilException} with exit code 5 while another process (or this one) holds it.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name inside the data directory. */
    public static final String FILE_NAME = "vigil.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static RunLock acquire(Path dataDir, String command, Instant now) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new VigilException(ExitCodes.LOCKED, "another Vigil run holds the lock " + file
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; try again when it has finished");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", " + command + ", since "
                    + now + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new VigilException(ExitCodes.USAGE, "cannot create the lock file " + file + ": " + e.getMessage(),
                    e);
        }
    }

    /** The lock on the file, or null while another process (or this one) holds it. */
    static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** What the holder wrote: its pid, command and start time; empty when nothing is written. */
    static String holder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            channel.read(buf, 0);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }

    /** Releases the lock and empties the file: a file still naming its holder says the holder was killed. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException ignored) {
            // the file then reads as a killed run's: the next run compacts the database once (harmless)
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        closeQuietly(channel);
    }
}
