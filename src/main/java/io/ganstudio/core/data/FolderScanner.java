package io.ganstudio.core.data;

import io.ganstudio.core.files.FileNames;
import io.ganstudio.core.text.Phrase;

import java.io.File;
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
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

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
                                skipped.add(new SkippedFile(dir, Phrase.of("data.skip.hiddenFolder")));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (!dir.equals(root) && !FileNames.nameable(dir)) {
                                skipped.add(new SkippedFile(dir, unnameable()));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (!FileNames.nameable(file)) {
                                skipped.add(new SkippedFile(file, unnameable()));
                            } else if (attrs.isRegularFile()) {
                                files.add(new SourceFile(file, relative(root, file), attrs.size(),
                                        attrs.lastModifiedTime().toMillis()));
                            } else if (attrs.isSymbolicLink()) {
                                skipped.add(new SkippedFile(file, Phrase.of("data.skip.brokenLink")));
                            } else {
                                skipped.add(new SkippedFile(file, Phrase.of("data.skip.notRegular")));
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
            throw new DatasetException(Phrase.of("data.error.searchFailed", root, e.getMessage()), e);
        }
        files.sort(Comparator.comparing(SourceFile::relative));
        skipped.sort(Comparator.comparing(s -> s.path().toString()));
        return new Listing(root, files, skipped);
    }

    private static void checkRoot(Path root) throws DatasetException {
        if (!Files.exists(root)) {
            throw new DatasetException(Phrase.of("data.error.noFolder", root));
        }
        if (!Files.isDirectory(root)) {
            throw new DatasetException(Phrase.of("data.error.notFolder", root));
        }
        if (!Files.isReadable(root)) {
            throw new DatasetException(Phrase.of("data.error.folderPermission", root));
        }
    }

    /**
     * A name that cannot be read as text, so the file cannot be opened by it: under a locale that is not UTF-8, one
     * whose characters the locale's character set lacks (猫.png reads as "???.png"); otherwise bytes that are not
     * UTF-8 (a name from an old archive).
     */
    private static Phrase unnameable() {
        return Phrase.of(FileNames.utf8Names() ? "data.skip.badName" : "data.skip.localeName",
                FileNames.nameCharset());
    }

    private static Phrase walkFailure(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return Phrase.of("data.skip.linkLoop");
        }
        if (e instanceof AccessDeniedException) {
            return Phrase.of("data.skip.noPermissionOpen");
        }
        return Phrase.of("data.skip.cannotRead", e.getMessage());
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(File.separatorChar, '/');
    }
}
