package io.ganstudio.ui.explore;

import io.ganstudio.core.latent.Latents;
import io.ganstudio.session.InteractionGate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExploreViewModelTest {

    private final FakeSource source = new FakeSource(20, true);
    private long nextSeed = 1000;
    private final ExploreViewModel vm = new ExploreViewModel(Runnable::run, () -> nextSeed);

    @Test
    void theHandNearTheSlidersClosesTheGateOnlyWhileAGeneratorIsOpen() {
        long[] now = {1_000_000_000L};
        InteractionGate gate = new InteractionGate(() -> now[0]);
        ExploreViewModel model = new ExploreViewModel(Runnable::run, () -> 1L, gate);
        model.handNearSliders();
        assertFalse(gate.busy(), "nothing to explore yet: no reason to hold a training");
        model.open(new FakeSource(20, true));
        now[0] += InteractionGate.GRACE_NANOS;
        model.handNearSliders();
        assertTrue(gate.busy());
        now[0] += InteractionGate.GRACE_NANOS;
        assertFalse(gate.busy());
    }

    @Test
    void openingRollsAGridOfSeedsAndPicksTheFirst() {
        vm.open(source);
        assertEquals(ExploreViewModel.TILES, vm.tilesProperty().get().size());
        assertNotNull(vm.tilesProperty().get().get(15));
        assertEquals(0, vm.pickedProperty().get());
        assertEquals(1000, vm.pickedSeedProperty().get());
        assertArrayEquals(Latents.fromSeed(1000, 20), vm.currentZ(), "the seed means what the CLI's --seed means");
        assertNotNull(vm.imageProperty().get());
        assertTrue(vm.sliders().directionsReadyProperty().get());
        assertEquals(ExploreViewModel.SliderMode.DIRECTIONS, vm.sliders().modeProperty().get());
    }

    @Test
    void pickingATileShowsItsSeedAndRerollDrawsNewOnes() {
        vm.open(source);
        vm.pick(5);
        assertEquals(1005, vm.pickedSeedProperty().get());
        assertArrayEquals(Latents.fromSeed(1005, 20), vm.currentZ());
        nextSeed = 7;
        vm.reroll();
        assertEquals(7, vm.firstSeedProperty().get());
        assertEquals(7, vm.pickedSeedProperty().get());
        assertTrue(vm.cliCommand("--run \"r\"").contains("--seed 7 -n 1"));
    }

    @Test
    void dimensionSlidersEditOneValueAndPagesReachEveryDimension() {
        vm.open(source);
        vm.sliders().modeProperty().set(ExploreViewModel.SliderMode.DIMENSIONS);
        assertEquals(3, vm.sliders().pageCountProperty().get(), "20 dimensions in pages of 8");
        vm.sliders().pageProperty().set(2);
        assertEquals(19, vm.sliders().sliderTargetProperty(3).get());
        assertEquals(-1, vm.sliders().sliderTargetProperty(4).get(), "past the last dimension a slider moves nothing");
        vm.sliders().sliderProperty(3).set(2.5);
        assertEquals(2.5f, vm.currentZ()[19]);
        assertTrue(vm.editedProperty().get());
        assertEquals(2.5f, source.requested.get(source.requested.size() - 1)[19], "the edit is rendered");
        vm.resetEdits();
        assertArrayEquals(Latents.fromSeed(1000, 20), vm.currentZ());
        assertFalse(vm.editedProperty().get());
    }

    @Test
    void directionsArrivingAfterTheUserMovedASliderDoNotChangeWhatItMoves() {
        source.slowDirections = true;
        vm.open(source);
        assertEquals(ExploreViewModel.SliderMode.DIMENSIONS, vm.sliders().modeProperty().get(), "until the directions arrive");
        vm.sliders().sliderProperty(0).set(3);
        float edited = vm.currentZ()[0];
        source.directionsLater.complete(List.of());
        assertTrue(vm.sliders().directionsReadyProperty().get());
        assertEquals(ExploreViewModel.SliderMode.DIMENSIONS, vm.sliders().modeProperty().get(), "the user's slider keeps its meaning");
        assertEquals(3.0, vm.sliders().sliderProperty(0).get());
        assertEquals(edited, vm.currentZ()[0]);

        FakeSource untouched = new FakeSource(20, true);
        untouched.slowDirections = true;
        vm.open(untouched);
        untouched.directionsLater.complete(List.of());
        assertEquals(ExploreViewModel.SliderMode.DIRECTIONS, vm.sliders().modeProperty().get(), "nothing touched: directions");
    }

    @Test
    void directionSlidersShiftAlongTheirDirection() {
        vm.open(source);
        float before = vm.currentZ()[2];
        vm.sliders().sliderProperty(2).set(1.5); // fake direction 2 moves dimension 2
        assertEquals(before + 1.5f, vm.currentZ()[2], 1e-5);
        vm.sliders().modeProperty().set(ExploreViewModel.SliderMode.DIMENSIONS);
        assertEquals(before + 1.5f, vm.currentZ()[2], 1e-5, "switching modes keeps the edit");
        assertEquals(before + 1.5f, vm.sliders().sliderProperty(2).get(), 1e-5);
    }

    @Test
    void truncationScalesTheVectorOnShow() {
        vm.open(source);
        float[] z = vm.currentZ();
        vm.truncationProperty().set(0.5);
        assertArrayEquals(Latents.truncate(z, 0.5f), vm.currentZ());
        assertEquals(Math.round(z[0] * 500), FakeSource.code(source.requested.get(source.requested.size() - 1)));
        assertTrue(vm.cliCommand("--run x").endsWith("--truncation 0.50"));
    }

    @Test
    void interpolationHasFramesPlusOneVectorsAndScrubbingShowsThePointAtT() {
        vm.open(source);
        vm.pick(3);
        vm.setKeyA();
        vm.pick(9);
        vm.setKeyB();
        vm.interpolation().framesProperty().set(10);
        assertEquals(11, vm.interpolation().frameCount());
        assertEquals(11, vm.walk().size());
        assertArrayEquals(Latents.fromSeed(1003, 20), vm.walk().get(0));
        assertArrayEquals(Latents.fromSeed(1009, 20), vm.walk().get(10));
        vm.interpolation().slerpProperty().set(false);
        vm.interpolation().tProperty().set(0.5);
        assertArrayEquals(Latents.lerp(Latents.fromSeed(1003, 20), Latents.fromSeed(1009, 20), 0.5f), vm.currentZ());
        vm.interpolation().slerpProperty().set(true);
        assertArrayEquals(Latents.slerp(Latents.fromSeed(1003, 20), Latents.fromSeed(1009, 20), 0.5f),
                vm.currentZ());
        for (int i = 0; i < 6; i++) {
            vm.interpolation().advance();
        }
        assertEquals(0.0, vm.interpolation().tProperty().get(), 1e-9, "Play wraps around after the last frame");
    }

    @Test
    void renderingIsLatestWinsWhileTheGeneratorIsBusy() {
        FakeSource slow = new FakeSource(20, false);
        vm.open(slow);
        int before = slow.requested.size();
        assertEquals(1, slow.pending.size(), "the first picked image is in flight");
        vm.sliders().modeProperty().set(ExploreViewModel.SliderMode.DIMENSIONS);
        for (int i = 1; i <= 30; i++) {
            vm.sliders().sliderProperty(0).set(i / 10.0);
        }
        assertEquals(before, slow.requested.size(), "nothing new starts while one render runs");
        slow.completeNext();
        assertEquals(before + 1, slow.requested.size());
        assertEquals(3000, FakeSource.code(slow.requested.get(before)), "the newest slider value is rendered next");
        slow.completeNext();
        assertEquals(3000, vm.imageProperty().get().argb()[0]);
    }

    @Test
    void openingAnotherGeneratorClosesThePreviousOne() {
        vm.open(source);
        FakeSource other = new FakeSource(8, true);
        vm.open(other);
        assertTrue(source.closed);
        assertEquals(8, vm.currentZ().length);
    }

    @Test
    void directionsThatCannotBeComputedSayWhyAndTheSlidersStayOnDimensions() {
        source.directionsFailure = "Check failed: weights";
        vm.open(source);
        assertFalse(vm.sliders().directionsReadyProperty().get());
        assertEquals(ExploreViewModel.SliderMode.DIMENSIONS, vm.sliders().modeProperty().get());
        assertEquals("Check failed: weights", vm.sliders().directionsErrorProperty().get(), "the failure is not swallowed");
        vm.open(new FakeSource(20, true));
        assertEquals("", vm.sliders().directionsErrorProperty().get(), "another generator's directions are computed afresh");
        assertTrue(vm.sliders().directionsReadyProperty().get());
    }

    @Test
    void openingAnotherGeneratorShowsNoErrorFromTheClosedOne() {
        // Panels clear their own edits when the generator changes (the class directions do), which renders.
        vm.sourceProperty().addListener((o, was, now) -> vm.setExtraEdit("panel", null));
        FakeSource slow = new FakeSource(20, false);
        vm.open(slow);
        vm.sliders().sliderProperty(0).set(1); // one render in flight, one waiting
        vm.sliders().sliderProperty(0).set(2);
        vm.open(new FakeSource(20, true));
        assertEquals("", vm.errorProperty().get());
        slow.completeNext(); // the old generator answers late; its waiting request meets a closed generator
        assertEquals("", vm.errorProperty().get(), "a closed generator's failure is not this one's");
        assertNotNull(vm.imageProperty().get());
    }

    @Test
    void aRenderErrorClearsWhenTheNextImageIsDrawn() {
        FakeSource failing = new FakeSource(20, false);
        vm.open(failing);
        failing.pending.remove(0).completeExceptionally(new IllegalStateException("out of memory"));
        assertEquals("out of memory", vm.errorProperty().get());
        vm.sliders().sliderProperty(0).set(1);
        failing.completeNext();
        assertEquals("", vm.errorProperty().get(), "the error is over once an image is drawn");
    }
}
