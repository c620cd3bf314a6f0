package io.ganstudio.core.train;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.ganstudio.core.text.Phrase;

/** A run's whole configuration, as saved in its config.json: the data, the networks, and how to train them. */
public record GanConfig(DataSpec data, ModelConfig model, TrainConfig train) {

    /** Every problem with the configuration, each a sentence a person can act on, in English; empty when valid. */
    public List<String> problems() {
        return problems(Locale.ENGLISH);
    }

    /** Every problem with the configuration in the given language (English or Japanese); empty when valid. */
    public List<String> problems(Locale locale) {
        List<Phrase> p = new ArrayList<>();
        if (data == null) {
            p.add(Phrase.of("config.noData"));
        } else if (data.kind() != DataSpec.Kind.BUILT_IN && (data.path() == null || data.path().isBlank())) {
            p.add(Phrase.of("config.noDataPath"));
        }
        if (model == null) {
            p.add(Phrase.of("config.noModel"));
        } else {
            p.addAll(model.problemList());
        }
        if (train == null) {
            p.add(Phrase.of("config.noTrain"));
        } else {
            p.addAll(train.problemList());
        }
        return Phrase.texts(p, locale);
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
