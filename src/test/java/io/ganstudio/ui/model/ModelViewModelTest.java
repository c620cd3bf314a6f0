package io.ganstudio.ui.model;

import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.run.GanConfig;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;
import io.ganstudio.ui.task.BackgroundTasks;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelViewModelTest {

    private final ModelViewModel vm = new ModelViewModel(new BackgroundTasks());

    @Test
    void startsWithTheClassroomPresetAndIsValid() {
        assertEquals(ModelPreset.CLASSROOM_28, vm.presetProperty().get());
        assertTrue(vm.validProperty().get());
        assertTrue(vm.problemsProperty().isEmpty());
        assertEquals("64", vm.text(NumberField.LATENT_SIZE).get());
        assertEquals("0.0002", vm.text(NumberField.GENERATOR_LR).get());
    }

    @Test
    void presetFillsTheForm() {
        vm.applyPreset(ModelPreset.DCGAN_64);
        assertEquals(64, vm.imageSizeProperty().get());
        assertEquals("100", vm.text(NumberField.LATENT_SIZE).get());
        assertEquals("64", vm.text(NumberField.GENERATOR_WIDTH).get());
        assertEquals("64", vm.text(NumberField.DISCRIMINATOR_WIDTH).get());
        assertEquals(ModelPreset.DCGAN_64, vm.presetProperty().get());
        assertEquals(5, vm.generatorLayersProperty().size());
        assertEquals(Upsampling.RESIZE_CONV, vm.config().model().upsampling(), "64x64 networks resize");
    }

    @Test
    void aSmallColourFolderOnTheDcgan64PresetGetsTheNarrowNetworksAndTheScreenSaysWhy() {
        vm.applyPreset(ModelPreset.DCGAN_64);
        vm.channelsProperty().set(3);
        vm.dataLoaded(248, 3);
        assertEquals(ModelPreset.COLOUR_64, vm.presetProperty().get());
        assertEquals(32, vm.config().model().generatorWidth());
        assertEquals(32, vm.config().model().discriminatorWidth());
        assertEquals(0.0005f, vm.config().train().generatorOptimizer().learningRate());
        assertEquals(0.0005f, vm.config().train().discriminatorOptimizer().learningRate());
        assertEquals(0.995f, vm.config().train().emaDecay());
        assertNotNull(vm.choiceNote());
        for (String said : new String[] {"248", "32 channels", "0.0005", "0.995"}) {
            assertTrue(vm.choiceNote().contains(said), vm.choiceNote());
        }
        vm.applyPreset(ModelPreset.DCGAN_64);
        assertNull(vm.choiceNote(), "the user's own choice of the full width has no note");
        assertEquals(64, vm.config().model().generatorWidth());
        assertEquals(0.0002f, vm.config().train().generatorOptimizer().learningRate(), "the general settings");
        assertEquals(0f, vm.config().train().emaDecay());

        vm.dataLoaded(248, 1);
        assertEquals(ModelPreset.DCGAN_64, vm.presetProperty().get(), "grayscale data keeps the preset");
        vm.applyPreset(ModelPreset.CLASSROOM_28);
        vm.dataLoaded(248, 3);
        assertEquals(ModelPreset.CLASSROOM_28, vm.presetProperty().get(), "28x28 is no 64x64 folder");
        assertNull(vm.choiceNote());
    }

    @Test
    void theImageSizeBringsItsUpsamplingUnlessTheUserChoseAnother() {
        assertEquals(Upsampling.TRANSPOSED_CONV, vm.upsamplingProperty().get(), "the classroom preset, 28x28");
        vm.imageSizeProperty().set(64);
        assertEquals(Upsampling.RESIZE_CONV, vm.upsamplingProperty().get());
        vm.imageSizeProperty().set(32);
        assertEquals(Upsampling.TRANSPOSED_CONV, vm.upsamplingProperty().get());
        vm.upsamplingProperty().set(Upsampling.RESIZE_CONV);
        assertEquals(Upsampling.RESIZE_CONV, vm.config().model().upsampling());
        vm.imageSizeProperty().set(16);
        assertEquals(Upsampling.RESIZE_CONV, vm.upsamplingProperty().get(), "the user's choice stays");
    }

    @Test
    void trainingLongerOrRecordingMoreOftenKeepsThePreset() {
        vm.applyPreset(ModelPreset.DCGAN_32);
        vm.text(NumberField.STEPS).set("12000");
        assertEquals(ModelPreset.DCGAN_32, vm.presetProperty().get(), "steps are no model change");
        vm.text(NumberField.SAMPLE_EVERY).set("10");
        vm.text(NumberField.CHECKPOINT_EVERY).set("1000");
        assertEquals(ModelPreset.DCGAN_32, vm.presetProperty().get(), "nor is what is recorded on the way");
        assertEquals(12000, vm.config().train().steps());
        vm.text(NumberField.LATENT_SIZE).set("64");
        assertEquals(ModelPreset.CUSTOM, vm.presetProperty().get(), "another network is");
    }

    @Test
    void theSpectralNormPresetSetsSnHingeAndTtur() {
        vm.applyPreset(ModelPreset.SN_HINGE_28);
        assertTrue(vm.spectralNormProperty().get());
        assertEquals(LossKind.HINGE, vm.lossProperty().get());
        assertEquals("0.0004", vm.text(NumberField.DISCRIMINATOR_LR).get());
        assertEquals("0.0001", vm.text(NumberField.GENERATOR_LR).get());
        assertEquals("0", vm.text(NumberField.GENERATOR_BETA1).get());
        assertEquals("0.9", vm.text(NumberField.DISCRIMINATOR_BETA2).get());
        assertEquals(ModelPreset.SN_HINGE_28, vm.presetProperty().get());
        assertTrue(vm.config().model().spectralNorm());
        vm.spectralNormProperty().set(false);
        assertEquals(ModelPreset.CUSTOM, vm.presetProperty().get());
        assertFalse(vm.config().model().spectralNorm());
    }

    @Test
    void conditionalReachesTheConfigOnlyWhenTheDataHasClasses() {
        vm.conditionalProperty().set(true);
        assertFalse(vm.config().model().conditional(), "no data with classes loaded yet");
        vm.dataClassesProperty().set(10);
        assertTrue(vm.config().model().conditional());
        assertEquals(ModelPreset.CLASSROOM_28, vm.presetProperty().get(), "conditional is beside the preset");
        vm.applyPreset(ModelPreset.SN_HINGE_28);
        assertTrue(vm.config().model().conditional(), "a preset keeps the switch");
        vm.dataClassesProperty().set(1);
        assertFalse(vm.config().model().conditional());
    }

    @Test
    void augmentationAndTheGeneratorAverageReachTheConfig() {
        assertEquals(Augment.AUTO, vm.config().train().augment(), "auto by default");
        assertEquals(0f, vm.config().train().emaDecay());
        vm.augmentProperty().set(Augment.ADA);
        vm.text(NumberField.EMA_DECAY).set("0.999");
        assertEquals(Augment.ADA, vm.config().train().augment());
        assertEquals(0.999f, vm.config().train().emaDecay());
        assertEquals(ModelPreset.CUSTOM, vm.presetProperty().get());
        vm.text(NumberField.EMA_DECAY).set("1.5");
        assertFalse(vm.validProperty().get());
    }

    @Test
    void editingAFieldMakesItCustomAndBackAgain() {
        vm.text(NumberField.LATENT_SIZE).set("80");
        assertEquals(ModelPreset.CUSTOM, vm.presetProperty().get());
        assertTrue(vm.validProperty().get());
        vm.text(NumberField.LATENT_SIZE).set("64");
        assertEquals(ModelPreset.CLASSROOM_28, vm.presetProperty().get());
    }

    @Test
    void outOfRangeValueGivesTheCoreProblemAndInvalid() {
        vm.text(NumberField.BATCH_SIZE).set("1");
        assertFalse(vm.validProperty().get());
        assertEquals(1, vm.problemsProperty().size());
        assertTrue(vm.problemsProperty().get(0).contains("batch size"), vm.problemsProperty().get(0));
        assertThrows(IllegalStateException.class, vm::config);
        vm.text(NumberField.BATCH_SIZE).set("32");
        assertTrue(vm.validProperty().get());
    }

    @Test
    void textThatIsNoNumberIsAProblemAndClearsTheDiagram() {
        vm.text(NumberField.GENERATOR_WIDTH).set("wide");
        assertFalse(vm.validProperty().get());
        assertTrue(vm.problemsProperty().get(0).contains("wide"));
        assertNull(vm.modelProperty().get());
        assertNull(vm.statsProperty().get());
        assertTrue(vm.generatorLayersProperty().isEmpty());
    }

    @Test
    void invalidModelHidesStatsButKeepsParsedConfig() {
        vm.text(NumberField.LATENT_SIZE).set("0");
        assertFalse(vm.validProperty().get());
        assertNotNull(vm.modelProperty().get());
        assertNull(vm.statsProperty().get());
    }

    @Test
    void configRoundTripsThroughFill() {
        ModelConfig m = new ModelConfig(32, 3, 120, 48, 40, Normalization.NONE);
        TrainConfig t = new TrainConfig(LossKind.LSGAN, 0.1f, new TrainConfig.AdamSettings(1e-4f, 0.4f, 0.99f),
                new TrainConfig.AdamSettings(3e-4f, 0.3f, 0.995f), 2, 48, 42L, 777, 33, 99, 4, 36);
        vm.dataSpecProperty().set(DataSpec.folder("/tmp/cats"));
        vm.fill(m, t);
        assertTrue(vm.validProperty().get(), () -> vm.problemsProperty().toString());
        GanConfig c = vm.config();
        assertEquals(m, c.model());
        assertEquals(t, c.train());
        assertEquals(DataSpec.folder("/tmp/cats"), c.data());
        assertEquals(ModelPreset.CUSTOM, vm.presetProperty().get());
    }

    @Test
    void presetKeepsTheDatasetsChannels() {
        vm.channelsProperty().set(3);
        vm.applyPreset(ModelPreset.DCGAN_32);
        assertEquals(3, vm.config().model().channels());
        assertEquals(ModelPreset.DCGAN_32, vm.presetProperty().get());
    }

    @Test
    void epochTimeNeedsAMeasurementAndData() {
        vm.datasetSizeProperty().set(10_000);
        assertTrue(Double.isNaN(vm.epochSeconds()));
    }
}
