package io.ganstudio.core.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

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
        refuseOddFile(file);
        FileChannel channel;
        try {
            // Never through a link: the lock writes "process N" into its file, which must be the run's own.
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (FileSystemException e) {
            refuseOddFile(file); // a link made between the look and the open fails the open: say so plainly
            throw e;
        }
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
                throw notPlain(file);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
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

    /** Refuses a lock file that is a symbolic link (even a dangling one) or anything but a plain file. */
    private static void refuseOddFile(Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IOException(file + " is a symbolic link, and a run's lock file must be its own plain file; "
                    + "delete the link, then train again");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw notPlain(file);
        }
    }

    private static IOException notPlain(Path file) {
        return new IOException(file + " is not a plain file, and a run's lock file must be one; move it away, "
                + "then train again");
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
