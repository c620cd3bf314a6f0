package io.ganstudio.core.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CancellationException;

/**
 * Lists every regular file under a folder, following symbolic links but never around a loop, in a stable order
 * (sorted by relative path) so the same folder always gives the same dataset.
 */
final class FolderScanner {

    /** What the walk found: files to try, and what could not even be listed. */
    record Listing(Path root, List<SourceFile> files, List<SkippedFile> skipped) {
    }

    private FolderScanner() {
    }

    static Listing scan(Path root, BooleanSupplier cancelled) throws DatasetException {
        checkRoot(root);
        List<SourceFile> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (cancelled.getAsBoolean()) {
                                throw new CancellationException("loading the dataset was cancelled");
                            }
                            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                            // Hidden and archive-tool folders (.git, __MACOSX) hold copies and metadata, not data.
                            if (!dir.equals(root) && (name.startsWith(".") || name.equals("__MACOSX"))) {
                                skipped.add(new SkippedFile(dir, "hidden or system folder, not searched"));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                files.add(new SourceFile(file, relative(root, file), attrs.size(),
                                        attrs.lastModifiedTime().toMillis()));
                            } else if (attrs.isSymbolicLink()) {
                                skipped.add(new SkippedFile(file, "broken symbolic link: its target does not exist or links back to itself"));
                            } else {
                                skipped.add(new SkippedFile(file, "not a regular file (device, pipe or socket)"));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            skipped.add(new SkippedFile(file, walkFailure(e)));
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new DatasetException("Could not search the folder " + root + " (" + e.getMessage()
                    + "). Check that it is readable, or choose another folder.", e);
        }
        files.sort(Comparator.comparing(SourceFile::relative));
        skipped.sort(Comparator.comparing(s -> s.path().toString()));
        return new Listing(root, files, skipped);
    }

    private static void checkRoot(Path root) throws DatasetException {
        if (!Files.exists(root)) {
            throw new DatasetException("The folder " + root + " does not exist. Check the path, or choose the folder"
                    + " that holds your images.");
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(root + " is a file, not a folder. Choose the folder that holds your images"
                    + " (or, for an IDX file, choose the IDX source).");
        }
        if (!Files.isReadable(root)) {
            throw new DatasetException("No permission to open the folder " + root
                    + ". Change its permissions, or choose another folder.");
        }
    }

    private static String walkFailure(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "symbolic link loop: leads back to a folder already being searched";
        }
        if (e instanceof AccessDeniedException) {
            return "no permission to open this";
        }
        return "cannot be read (" + e.getMessage() + ")";
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
