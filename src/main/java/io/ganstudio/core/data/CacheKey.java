package io.ganstudio.core.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Identifies a decoded dataset. {@code fileName} depends only on the source and the preprocessing, so a changed
 * folder overwrites its old cache instead of piling up new ones; {@code contentHash} also covers every file's
 * path, length and modification time, so any changed, added or removed file makes the cache stale.
 */
record CacheKey(String fileName, String contentHash) {

    /** Bump whenever decoding or resizing changes what bytes a given file produces. */
    static final int PREPROCESSING_VERSION = 1;

    static CacheKey of(DataSpec.Kind kind, String source, int imageSize, int background, List<SourceFile> files) {
        String settings = "v" + PREPROCESSING_VERSION + '|' + kind + '|' + source + '|' + imageSize + '|'
                + Integer.toHexString(background);
        MessageDigest content = sha256();
        content.update(settings.getBytes(StandardCharsets.UTF_8));
        for (SourceFile f : files) {
            content.update(('\n' + f.relative() + '|' + f.length() + '|' + f.lastModified())
                    .getBytes(StandardCharsets.UTF_8));
        }
        String name = HexFormat.of().formatHex(sha256().digest(settings.getBytes(StandardCharsets.UTF_8)), 0, 16);
        return new CacheKey("dataset-" + name + ".bin", HexFormat.of().formatHex(content.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
