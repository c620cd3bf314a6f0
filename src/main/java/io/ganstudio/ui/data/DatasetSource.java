package io.ganstudio.ui.data;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.data.LoadProgress;
import io.ganstudio.core.data.LoadResult;

/** Where the Data screen gets images; the real one is {@link DatasetLoader}, tests pass their own. */
@FunctionalInterface
public interface DatasetSource {

    LoadResult load(DataSpec spec, int imageSize, LoadOptions options, LoadProgress progress) throws DatasetException;

    DatasetSource LOADER = DatasetLoader::load;
}
