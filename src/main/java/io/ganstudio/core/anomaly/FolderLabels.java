package io.ganstudio.core.anomaly;

import java.util.Locale;
import java.util.Set;

/**
 * Truth from a labelled folder (the MVTec AD layout): images in a subfolder named good, ok or normal are normal,
 * images in any other subfolder anomalous; images lying directly in the inspected folder have no label.
 */
public final class FolderLabels {

    public static final Set<String> NORMAL_NAMES = Set.of("good", "ok", "normal");

    private FolderLabels() {
    }

    /** True for anomalous, false for normal, null when the image has no label. */
    public static Boolean anomalous(String folder) {
        if (folder == null || folder.isEmpty()) {
            return null;
        }
        return !NORMAL_NAMES.contains(folder.toLowerCase(Locale.ROOT));
    }
}
