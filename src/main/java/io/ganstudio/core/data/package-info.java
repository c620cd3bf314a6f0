/**
 * Training images in, one {@link io.ganstudio.core.data.ImageDataset} out; no JavaFX and no engine here.
 *
 * <p>{@link io.ganstudio.core.data.DatasetLoader#load} is the single entry point. A folder is walked recursively
 * (symbolic links followed, loops reported), every file is tried as an image in parallel, and each file that is
 * empty, truncated, damaged, huge, unreadable or not an image is skipped with a plain reason in the
 * {@link io.ganstudio.core.data.DataReport}. Images are cropped to their centred square, shrunk by area averaging
 * or enlarged bilinearly, composited on the spec's background, and stored as bytes: one channel when every image
 * is gray, else three. Images in immediate subfolders take the subfolder's name as their class.
 *
 * <p>IDX files (plain or gzip, labels beside them) and the bundled Fashion-MNIST test set go through the same
 * resizing. Decoded datasets are cached on disk, keyed by the source, the size, the background, the preprocessing
 * version and every file's path, length and modification time.
 */
package io.ganstudio.core.data;
