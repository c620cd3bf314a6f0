package io.ganstudio.core.data;

import java.nio.file.Path;

/**
 * A regular file found under a dataset folder.
 *
 * @param relative path from the dataset folder with '/' separators; its first segment is the class when the
 *                 images sit in subfolders
 */
record SourceFile(Path path, String relative, long length, long lastModified) {

    /** The immediate subfolder the file sits in, or null when it lies directly in the dataset folder. */
    String topFolder() {
        int slash = relative.indexOf('/');
        return slash < 0 ? null : relative.substring(0, slash);
    }
}
