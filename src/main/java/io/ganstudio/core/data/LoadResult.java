package io.ganstudio.core.data;

/** A loaded dataset and the account of how it was loaded (what was skipped and why). */
public record LoadResult(ImageDataset dataset, DataReport report) {
}
