package io.ganstudio.core.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one trainer of a run folder: an operating-system lock on {@code .trainer.lock}, held for the whole training
 * and released on exit, and by the operating system when the process crashes or is killed. A second trainer (another
 * process, or a second session in the same one) is refused with {@link RunLockedException}. Readers never take it.
 */
public final class RunLock implements AutoCloseable {

    public static final String FILE = ".trainer.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another trainer holds the lock; the message says who, where known, and what to do. */
    public static final class RunLockedException extends IOException {
        public RunLockedException(Path dir, String holder) {
            super("another trainer is already training the run in " + dir.toAbsolutePath()
                    + (holder.isBlank() ? "" : " (" + holder + ")")
                    + "; wait until it finishes or stop it, then continue this run");
        }
    }

    /** Takes the lock of a run folder, or throws {@link RunLockedException} when another trainer holds it. */
    public static RunLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new RunLockedException(dir, holder(file));
        }
        try {
            // Who holds it, for the message a refused trainer shows; the lock itself is what counts.
            byte[] who = ("process " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(who), 0);
        } catch (IOException e) {
            // Only a courtesy: the lock holds either way.
        }
        return new RunLock(channel, lock);
    }

    private static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
