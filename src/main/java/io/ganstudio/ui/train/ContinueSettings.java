package io.ganstudio.ui.train;

import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.run.ResumeCheck;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.model.ConfigAssembly;
import io.ganstudio.ui.model.NumberField;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Continue dialog's state (no controls): the run's training settings, of which a resume may change the
 * optimizer, the loss, the batch and the schedule. Everything else stays as the run has it.
 */
public final class ContinueSettings {

    /** What the dialog offers to change, in its order; STEPS is the new target. */
    public static final List<NumberField> EDITABLE = List.of(NumberField.STEPS, NumberField.GENERATOR_LR,
            NumberField.DISCRIMINATOR_LR, NumberField.GENERATOR_BETA1, NumberField.DISCRIMINATOR_BETA1,
            NumberField.GENERATOR_BETA2, NumberField.DISCRIMINATOR_BETA2, NumberField.LABEL_SMOOTHING,
            NumberField.DISCRIMINATOR_STEPS, NumberField.BATCH_SIZE, NumberField.SAMPLE_EVERY,
            NumberField.CHECKPOINT_EVERY);

    private final GanConfig run;
    private final Map<NumberField, StringProperty> texts = new EnumMap<>(NumberField.class);
    private final ObjectProperty<LossKind> loss;

    /** @param target the suggested new target steps */
    public ContinueSettings(GanConfig run, long target) {
        this.run = run;
        for (NumberField f : EDITABLE) {
            texts.put(f, new SimpleStringProperty(f.format(run.model(), run.train())));
        }
        texts.get(NumberField.STEPS).set(Long.toString(target));
        loss = new SimpleObjectProperty<>(run.train().loss());
    }

    public StringProperty text(NumberField field) {
        return texts.get(field);
    }

    public ObjectProperty<LossKind> lossProperty() {
        return loss;
    }

    /** The settings as typed, or the problems with them in the given language. */
    public sealed interface Result {
    }

    public record Valid(TrainConfig settings) implements Result {
    }

    public record Invalid(List<String> problems) implements Result {
    }

    public Result read(Locale locale) {
        Map<NumberField, Number> values = new EnumMap<>(NumberField.class);
        for (NumberField f : NumberField.values()) {
            values.put(f, f.parse(f.format(run.model(), run.train())));
        }
        List<String> problems = new ArrayList<>();
        for (NumberField f : EDITABLE) {
            String typed = texts.get(f).get();
            try {
                values.put(f, f.parse(typed));
            } catch (NumberFormatException e) {
                problems.add(Phrase.of("resume.notANumber", Messages.get(f.labelKey()), typed)
                        .text(locale));
            }
        }
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        TrainConfig t = ConfigAssembly.train(loss.get(), run.train().augment(), values);
        problems.addAll(t.problems(locale));
        problems.addAll(Phrase.texts(ResumeCheck.refused(run, run.withTrain(t)), locale));
        return problems.isEmpty() ? new Valid(t) : new Invalid(problems);
    }
}
