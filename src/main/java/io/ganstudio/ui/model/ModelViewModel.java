package io.ganstudio.ui.model;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.Dcgan;
import io.ganstudio.core.model.LayerSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.ModelStats;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.SmallColourFolder;
import io.ganstudio.core.text.Decimals;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.task.BackgroundTasks;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * State of the Model screen: the typed settings, what is wrong with them, and what they make (layers, size, cost).
 * The Train screen reads {@link #config()} and binds its Start button to {@link #validProperty()}.
 */
public final class ModelViewModel {

    private final BackgroundTasks tasks;
    private final Map<NumberField, StringProperty> numbers = new EnumMap<>(NumberField.class);
    private final ObjectProperty<Integer> imageSize = new SimpleObjectProperty<>(this, "imageSize");
    private final ObjectProperty<Integer> channels = new SimpleObjectProperty<>(this, "channels");
    private final ObjectProperty<Normalization> normalization = new SimpleObjectProperty<>(this, "normalization");
    private final ObjectProperty<Upsampling> upsampling = new SimpleObjectProperty<>(this, "upsampling");
    private final ObjectProperty<LossKind> loss = new SimpleObjectProperty<>(this, "loss");
    private final BooleanProperty spectralNorm = new SimpleBooleanProperty(this, "spectralNorm");
    private final BooleanProperty conditional = new SimpleBooleanProperty(this, "conditional");
    private final IntegerProperty dataClasses = new SimpleIntegerProperty(this, "dataClasses", 0);
    private final ObjectProperty<Augment> augment = new SimpleObjectProperty<>(this, "augment", Augment.AUTO);
    private final ObjectProperty<DataSpec> dataSpec = new SimpleObjectProperty<>(this, "dataSpec", DataSpec.builtIn());
    private final IntegerProperty datasetSize = new SimpleIntegerProperty(this, "datasetSize", 0);

    private final ReadOnlyObjectWrapper<ModelPreset> preset = new ReadOnlyObjectWrapper<>(this, "preset");
    private final ReadOnlyListWrapper<String> problems =
            new ReadOnlyListWrapper<>(this, "problems", FXCollections.observableArrayList());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyObjectWrapper<ModelConfig> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<TrainConfig> train = new ReadOnlyObjectWrapper<>(this, "train");
    private final ReadOnlyObjectWrapper<ModelStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final ReadOnlyListWrapper<LayerSpec> generatorLayers =
            new ReadOnlyListWrapper<>(this, "generatorLayers", FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<LayerSpec> discriminatorLayers =
            new ReadOnlyListWrapper<>(this, "discriminatorLayers", FXCollections.observableArrayList());
    private final ReadOnlyDoubleWrapper imagesPerSecond = new ReadOnlyDoubleWrapper(this, "imagesPerSecond", Double.NaN);
    private final ReadOnlyBooleanWrapper measuring = new ReadOnlyBooleanWrapper(this, "measuring");
    private final ReadOnlyObjectWrapper<String> measureError = new ReadOnlyObjectWrapper<>(this, "measureError");
    private final BooleanProperty filling = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper noteImages = new ReadOnlyIntegerWrapper(this, "noteImages");
    private Task<Double> measurement;

    public ModelViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        List<Observable> inputs = new ArrayList<>(List.of(imageSize, channels, normalization, upsampling, loss,
                spectralNorm, augment, conditional, dataClasses));
        // A new image size brings its recommended upsampling, unless the user chose another for the old size.
        imageSize.addListener((o, before, after) -> {
            if (!filling.get() && before != null && after != null && upsampling.get() == Upsampling.recommendedFor(
                    ModelConfig.recommendedNetworkSize(before))) {
                upsampling.set(Upsampling.recommendedFor(ModelConfig.recommendedNetworkSize(after)));
            }
        });
        for (NumberField f : NumberField.values()) {
            StringProperty p = new SimpleStringProperty(this, f.name());
            numbers.put(f, p);
            inputs.add(p);
        }
        inputs.forEach(o -> o.addListener(x -> {
            if (!filling.get()) {
                revalidate();
            }
        }));
        fill(ModelPreset.CLASSROOM_28.model(1), ModelPreset.CLASSROOM_28.train());
    }

    // ---- inputs ----

    public StringProperty text(NumberField field) {
        return numbers.get(field);
    }

    public ObjectProperty<Integer> imageSizeProperty() {
        return imageSize;
    }

    public ObjectProperty<Integer> channelsProperty() {
        return channels;
    }

    public ObjectProperty<Normalization> normalizationProperty() {
        return normalization;
    }

    /** How the generator doubles its side (transposed or resize convolutions). */
    public ObjectProperty<Upsampling> upsamplingProperty() {
        return upsampling;
    }

    public ObjectProperty<LossKind> lossProperty() {
        return loss;
    }

    /** Spectral normalisation in the discriminator. */
    public BooleanProperty spectralNormProperty() {
        return spectralNorm;
    }

    /** A class-conditional model; it takes effect only while the data has two classes or more. */
    public BooleanProperty conditionalProperty() {
        return conditional;
    }

    /** Classes in the loaded dataset (0 when it has none); the Data screen keeps it current. */
    public IntegerProperty dataClassesProperty() {
        return dataClasses;
    }

    /** Augmentation of what the discriminator sees. */
    public ObjectProperty<Augment> augmentProperty() {
        return augment;
    }

    /** The data the run trains on; the Data screen keeps it current. */
    public ObjectProperty<DataSpec> dataSpecProperty() {
        return dataSpec;
    }

    /** Images in the loaded dataset (0 when none is loaded), for the time-per-epoch estimate. */
    public IntegerProperty datasetSizeProperty() {
        return datasetSize;
    }

    /**
     * Called when a dataset has loaded: a small colour folder ({@link SmallColourFolder}) on the DCGAN 64x64 preset
     * gets the small-colour-folder preset instead, and {@link #choiceNote()} says what was chosen and why while that
     * preset stays on.
     */
    public void dataLoaded(int images, int imageChannels) {
        boolean small = SmallColourFolder.applies(images, imageChannels, imageSize.get() == null ? 0 : imageSize.get());
        if (small && preset.get() == ModelPreset.DCGAN_64) {
            applyPreset(ModelPreset.COLOUR_64);
        }
        smallColourFolder = small ? images : 0;
        updateChoiceNote();
    }

    private int smallColourFolder;

    private void updateChoiceNote() {
        noteImages.set(preset.get() == ModelPreset.COLOUR_64 ? smallColourFolder : 0);
    }

    /**
     * The images of the small colour folder whose settings are on, which {@link #choiceNote()} speaks of; 0 when there
     * is no note. A number, not the text, so that a view built after a language switch says it in the new language.
     */
    public ReadOnlyIntegerProperty noteImagesProperty() {
        return noteImages.getReadOnlyProperty();
    }

    /** What the studio chose for the loaded data and why, in the current language, or null. */
    public String choiceNote() {
        int images = noteImages.get();
        return images > 0 ? Messages.format("model.colourFolder.note", images, SmallColourFolder.WIDTH,
                Decimals.plain(SmallColourFolder.LEARNING_RATE), Decimals.plain(SmallColourFolder.EMA_DECAY)) : null;
    }

    /** Fills the form with a preset's values; the channels stay (the dataset decides them). */
    public void applyPreset(ModelPreset p) {
        if (p == null || p == ModelPreset.CUSTOM) {
            return;
        }
        Integer ch = channels.get();
        boolean keepConditional = conditional.get();
        fill(p.model(ch == null ? 1 : ch).withConditional(keepConditional), p.train());
    }

    /** Fills the form with these settings, e.g. from an opened run's config.json. */
    public void fill(ModelConfig m, TrainConfig t) {
        filling.set(true);
        try {
            imageSize.set(m.imageSize());
            channels.set(m.channels());
            normalization.set(m.normalization());
            upsampling.set(m.upsampling());
            loss.set(t.loss());
            spectralNorm.set(m.spectralNorm());
            conditional.set(m.conditional());
            augment.set(t.augment());
            for (NumberField f : NumberField.values()) {
                numbers.get(f).set(f.format(m, t));
            }
        } finally {
            filling.set(false);
        }
        revalidate();
    }

    // ---- outputs ----

    public ReadOnlyObjectProperty<ModelPreset> presetProperty() {
        return preset.getReadOnlyProperty();
    }

    /** Sentences a person can act on; empty when valid. */
    public ReadOnlyListProperty<String> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The current networks' settings, or null while the form holds text that is no number. */
    public ReadOnlyObjectProperty<ModelConfig> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainConfig> trainProperty() {
        return train.getReadOnlyProperty();
    }

    /** Parameters and FLOPs, or null when the model settings are not valid. */
    public ReadOnlyObjectProperty<ModelStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<LayerSpec> generatorLayersProperty() {
        return generatorLayers.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<LayerSpec> discriminatorLayersProperty() {
        return discriminatorLayers.getReadOnlyProperty();
    }

    /** Measured training speed for the current settings; NaN until measured (and after any change). */
    public ReadOnlyDoubleProperty imagesPerSecondProperty() {
        return imagesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty measuringProperty() {
        return measuring.getReadOnlyProperty();
    }

    /** Why the last measurement failed, or null. */
    public ReadOnlyObjectProperty<String> measureErrorProperty() {
        return measureError.getReadOnlyProperty();
    }

    /** Seconds for one pass over the loaded dataset at the measured speed; NaN when unknown. */
    public double epochSeconds() {
        double ips = imagesPerSecond.get();
        return datasetSize.get() > 0 && ips > 0 ? datasetSize.get() / ips : Double.NaN;
    }

    /** The whole run configuration; throws when the settings are not valid (bind actions to validProperty). */
    public GanConfig config() {
        if (!valid.get()) {
            throw new IllegalStateException("the settings are not valid: " + problems.get());
        }
        return new GanConfig(dataSpec.get(), model.get(), train.get());
    }

    // ---- actions ----

    /** Runs a few real training steps in the background and publishes img/s. */
    public void measureSpeed() {
        if (!valid.get() || measuring.get()) {
            return;
        }
        ModelConfig m = model.get();
        TrainConfig t = train.get();
        // The probe trains on a few random images: "auto" augmentation is decided by the loaded dataset.
        TrainConfig probe = datasetSize.get() > 0
                ? t.withAugment(t.augment().resolve(datasetSize.get(), m.channels(), t.steps(), t.batchSize())) : t;
        measuring.set(true);
        measureError.set(null);
        measurement = tasks.job(Messages.get("model.measure.task"),
                        ctx -> SpeedProbe.imagesPerSecond(m, probe, ctx))
                .onSuccess(ips -> {
                    // Only publish when the settings did not change while measuring.
                    if (m.equals(model.get()) && t.equals(train.get())) {
                        imagesPerSecond.set(ips);
                    }
                })
                .onError(e -> measureError.set(e.getMessage() == null ? e.toString() : e.getMessage()))
                .andFinally(() -> measuring.set(false))
                .start();
    }

    public void cancelMeasurement() {
        if (measurement != null) {
            measurement.cancel();
        }
    }

    private void revalidate() {
        List<String> p = new ArrayList<>();
        Map<NumberField, Number> parsed = new EnumMap<>(NumberField.class);
        for (NumberField f : NumberField.values()) {
            try {
                parsed.put(f, f.parse(numbers.get(f).get()));
            } catch (NumberFormatException e) {
                p.add(Messages.format("problem.notNumber", Messages.get(f.labelKey()), numbers.get(f).get()));
            }
        }
        ModelConfig m = null;
        TrainConfig t = null;
        if (p.isEmpty()) {
            m = ConfigAssembly.model(imageSize.get(), channels.get(), normalization.get(), spectralNorm.get(), parsed)
                    .withConditional(conditional.get() && dataClasses.get() >= 2)
                    .withUpsampling(upsampling.get());
            t = ConfigAssembly.train(loss.get(), augment.get(), parsed);
            p.addAll(m.problems(Messages.locale()));
            p.addAll(t.problems(Messages.locale()));
        }
        model.set(m);
        train.set(t);
        problems.setAll(p);
        valid.set(p.isEmpty());
        preset.set(m == null || t == null ? ModelPreset.CUSTOM : ModelPreset.matching(m, t));
        updateChoiceNote();
        imagesPerSecond.set(Double.NaN);
        boolean modelOk = m != null && m.problems().isEmpty();
        stats.set(modelOk ? ModelStats.of(m) : null);
        generatorLayers.setAll(modelOk ? Dcgan.generatorLayers(m) : List.of());
        discriminatorLayers.setAll(modelOk ? Dcgan.discriminatorLayers(m) : List.of());
    }
}
