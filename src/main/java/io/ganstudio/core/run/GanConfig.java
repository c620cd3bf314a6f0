package io.ganstudio.core.run;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.engine.DeviceChoice;
import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.TrainConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's whole configuration, as saved in its config.json: the data, the networks, how to train them, and the
 * engine they train on ({@code "mxnet"} or {@code "pytorch"}, see {@link #engineOrDefault()}; null in a file
 * written before there was a choice, which trained on MXNet, and in settings not yet bound to an engine), and the
 * device ({@code "cpu"} or {@code "gpu"}, see {@link #deviceOrDefault()}; null in a file written before there was a
 * choice, which trained on the CPU).
 */
public record GanConfig(DataSpec data, ModelConfig model, TrainConfig train, String engine, String device) {

    /** Settings not yet bound to an engine. */
    public GanConfig(DataSpec data, ModelConfig model, TrainConfig train) {
        this(data, model, train, null, null);
    }

    /** Settings bound to an engine, on the CPU. */
    public GanConfig(DataSpec data, ModelConfig model, TrainConfig train, String engine) {
        this(data, model, train, engine, null);
    }

    /** The device the run trains on: the recorded one, the CPU when none is recorded. */
    public DeviceChoice deviceOrDefault() {
        return DeviceChoice.ofRecorded(device);
    }

    /** The engine the run trains on: the recorded one, MXNet when none is recorded. */
    public EngineChoice engineOrDefault() {
        return EngineChoice.ofRecorded(engine);
    }

    /** The largest config.json a run folder may hold: a run's settings with 1,024 class names fit in far less. */
    public static final long MAX_FILE_BYTES = 4L << 20;

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
        addNetworkAndTrainingProblems(p);
        return Phrase.texts(p, locale);
    }

    /**
     * The one check of settings that were read from a file (a run's config.json, a checkpoint's header, a lesson):
     * the limits of {@link ModelConfig#problemList()} and {@link TrainConfig#problemList()}, which the command line
     * and the studio check too, so a model that could never have been made here is refused before its networks are
     * built. The data choice may be absent (a file that only names the model); when present its kind must be known.
     * Empty when the settings can be used; each problem is a sentence in English.
     */
    public List<String> loadProblems() {
        List<Phrase> p = new ArrayList<>();
        if (data != null && data.kind() == null) {
            p.add(Phrase.of("config.noData"));
        }
        addNetworkAndTrainingProblems(p);
        return Phrase.texts(p, Locale.ENGLISH);
    }

    private void addNetworkAndTrainingProblems(List<Phrase> p) {
        if (engine != null) {
            try {
                EngineChoice.ofRecorded(engine);
            } catch (IllegalArgumentException e) {
                p.add(Phrase.of("config.badEngine", engine));
            }
        }
        if (device != null) {
            try {
                DeviceChoice.ofRecorded(device);
            } catch (IllegalArgumentException e) {
                p.add(Phrase.of("config.badDevice", device));
            }
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
        return new GanConfig(data, newModel, train, engine, device);
    }

    public GanConfig withTrain(TrainConfig newTrain) {
        return new GanConfig(data, model, newTrain, engine, device);
    }

    public GanConfig withData(DataSpec newData) {
        return new GanConfig(newData, model, train, engine, device);
    }

    /** The same settings bound to {@code newEngine} (mxnet or pytorch, never auto). */
    public GanConfig withEngine(EngineChoice newEngine) {
        return new GanConfig(data, model, train, newEngine.resolve().id(), device);
    }

    /** The same settings bound to {@code newDevice} (cpu or gpu, never auto). */
    public GanConfig withDevice(DeviceChoice newDevice) {
        if (newDevice == DeviceChoice.AUTO) {
            throw new IllegalArgumentException("a run records the device it trains on, not 'auto'");
        }
        return new GanConfig(data, model, train, engine, newDevice.id());
    }
}
