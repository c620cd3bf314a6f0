package io.ganstudio.core.train;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;

import java.util.ArrayList;
import java.util.List;

/** A run's whole configuration, as saved in its config.json: the data, the networks, and how to train them. */
public record GanConfig(DataSpec data, ModelConfig model, TrainConfig train) {

    /** Every problem with the configuration, each a sentence a person can act on; empty when valid. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (data == null) {
            p.add("no dataset is chosen");
        } else if (data.kind() != DataSpec.Kind.BUILT_IN && (data.path() == null || data.path().isBlank())) {
            p.add("the dataset needs a folder or file path");
        }
        if (model == null) {
            p.add("model settings are missing");
        } else {
            p.addAll(model.problems());
        }
        if (train == null) {
            p.add("training settings are missing");
        } else {
            p.addAll(train.problems());
        }
        return p;
    }

    /** Throws with all problems listed, one per line, when the configuration is not valid. */
    public GanConfig validated() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new InvalidConfigException(p);
        }
        return this;
    }

    public GanConfig withModel(ModelConfig newModel) {
        return new GanConfig(data, newModel, train);
    }

    public GanConfig withTrain(TrainConfig newTrain) {
        return new GanConfig(data, model, newTrain);
    }

    public GanConfig withData(DataSpec newData) {
        return new GanConfig(newData, model, train);
    }
}
