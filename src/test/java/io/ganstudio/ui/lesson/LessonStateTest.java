package io.ganstudio.ui.lesson;

import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.ui.harness.Configs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonStateTest {

    @Test
    void startTrainsTheLessonsExactSettingsUntilTheFormChanges() {
        // A lesson saved from the CLI with a network size the Model screen cannot show.
        GanConfig lesson = Configs.tiny(40).withModel(Configs.tiny(40).model().withNetworkSize(24));
        GanConfig form = Configs.tiny(40).withModel(Configs.tiny(40).model().withChannels(1));
        LessonState state = new LessonState();
        assertSame(form, state.configToTrain(form), "no lesson opened");
        assertFalse(state.explanationsWantedProperty().get());

        state.opened(new LessonState.Opened("t", Path.of("a.ganlesson"), lesson, 0, null));
        assertTrue(state.explanationsWantedProperty().get(), "the explanation panel's hook");
        assertEquals(lesson, state.configToTrain(form));
        assertEquals(24, state.configToTrain(form).model().networkSize());

        GanConfig changedSeed = form.withTrain(new TrainConfig(form.train().loss(),
                form.train().labelSmoothing(), form.train().generatorOptimizer(), form.train().discriminatorOptimizer(),
                form.train().discriminatorSteps(), form.train().batchSize(), 99, form.train().steps(),
                form.train().sampleEvery(), form.train().checkpointEvery(), form.train().keepCheckpoints(),
                form.train().gridSize()));
        assertSame(changedSeed, state.configToTrain(changedSeed), "the user changed a setting: the form wins");
        GanConfig bigger = form.withModel(Configs.builtIn(28, 4, 4, 40, 2).model());
        assertSame(bigger, state.configToTrain(bigger));
    }
}
