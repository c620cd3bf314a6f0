package io.ganstudio.core.data;

import java.nio.file.Path;

/**
 * Child process for {@link LocaleNamesTest}: scans a folder as the loader does and prints what it found, one line
 * each: "file NAME" or "skipped NAME: REASON".
 */
public final class FolderScanProcess {

    private FolderScanProcess() {
    }

    public static void main(String[] args) throws Exception {
        FolderScanner.Listing listing = FolderScanner.scan(Path.of(args[0]), () -> false);
        listing.files().forEach(f -> System.out.println("file " + f.relative()));
        listing.skipped().forEach(s -> System.out.println("skipped " + s.path().getFileName() + ": " + s.reason()));
        System.out.flush();
    }
}
