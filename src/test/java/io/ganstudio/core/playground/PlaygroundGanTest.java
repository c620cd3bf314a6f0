package io.ganstudio.core.playground;

import io.ganstudio.core.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2-D GAN: the same seed gives the same run; sub-steps; densities; drawings. */
class PlaygroundGanTest {

    private static PlaygroundFrame run(PlaygroundConfig c, Preset p, int steps) {
        PlaygroundGan gan = new PlaygroundGan(c, PlaygroundGan.realPoints(p, c.seed()));
        for (int i = 0; i < steps; i++) {
            gan.trainStep();
        }
        return gan.frame(null);
    }

    @Test
    void sameSeedGivesTheSameRunAndAnotherSeedAnother() {
        for (PlaygroundConfig c : List.of(PlaygroundConfig.defaults().withSeed(42),
                new PlaygroundConfig(2, 12, 3, 5, 1, PlaygroundConfig.Noise.GAUSSIAN, Loss.HINGE,
                        PlaygroundConfig.Optimizer.ADAM, 0.01, PlaygroundConfig.Optimizer.SGD, 0.03, 3, 2, 42))) {
            PlaygroundFrame a = run(c, Preset.RING, 300);
            PlaygroundFrame b = run(c, Preset.RING, 300);
            assertArrayEquals(a.fake(), b.fake());
            assertArrayEquals(a.heat(), b.heat());
            assertArrayEquals(a.manifold(), b.manifold());
            assertEquals(a.js(), b.js());
            assertEquals(a.dLoss(), b.dLoss());
            PlaygroundFrame other = run(c.withSeed(43), Preset.RING, 300);
            assertFalse(Arrays.equals(a.fake(), other.fake()));
        }
    }

    @Test
    void anUpdateWalkedSubStepBySubStepEqualsOneDoneAtOnce() {
        PlaygroundConfig c = PlaygroundConfig.defaults().withSeed(5);
        PlaygroundGan walked = new PlaygroundGan(c, PlaygroundGan.realPoints(Preset.GAUSSIANS, 5));
        PlaygroundGan whole = new PlaygroundGan(c, PlaygroundGan.realPoints(Preset.GAUSSIANS, 5));
        List<Phase> seen = new ArrayList<>();
        for (Side side : List.of(Side.DISCRIMINATOR, Side.DISCRIMINATOR, Side.GENERATOR)) {
            PlaygroundGan.Update u = walked.update(side);
            PlaygroundFrame before = walked.frame(null);
            while (!u.finished()) {
                Phase p = u.advance();
                seen.add(p);
                PlaygroundFrame during = walked.frame(u);
                assertEquals(p, during.phase());
                assertEquals(side, during.side());
                if (p != Phase.UPDATE) {
                    // Nothing changes a network before the update sub-step.
                    assertArrayEquals(before.heat(), during.heat());
                    assertArrayEquals(before.fake(), during.fake());
                }
            }
        }
        walked.countStep();
        whole.trainStep();
        assertEquals(List.of(Phase.values()), seen.subList(0, 5));
        assertEquals(1, walked.step());
        assertArrayEquals(whole.frame(null).fake(), walked.frame(null).fake());
        assertArrayEquals(whole.frame(null).heat(), walked.frame(null).heat());
    }

    @Test
    void discriminatorUpdateLeavesTheGeneratorAloneAndTheOtherWayRound() {
        PlaygroundGan gan = new PlaygroundGan(PlaygroundConfig.defaults(), PlaygroundGan.realPoints(Preset.LINE, 1));
        PlaygroundFrame a = gan.frame(null);
        gan.update(Side.DISCRIMINATOR).finish();
        PlaygroundFrame b = gan.frame(null);
        assertArrayEquals(a.fake(), b.fake());
        assertFalse(Arrays.equals(a.heat(), b.heat()));
        gan.update(Side.GENERATOR).finish();
        PlaygroundFrame c = gan.frame(null);
        assertArrayEquals(b.heat(), c.heat());
        assertFalse(Arrays.equals(b.fake(), c.fake()));
        assertEquals(0, gan.step());
    }

    @Test
    void jsIsZeroForTheSameDensityAndOneForDisjointOnes() {
        double[] left = new double[200];
        double[] right = new double[200];
        Rng rng = new Rng(1);
        for (int i = 0; i < 100; i++) {
            left[2 * i] = 0.1 * rng.nextDouble();
            left[2 * i + 1] = rng.nextDouble();
            right[2 * i] = 0.9 + 0.1 * rng.nextDouble();
            right[2 * i + 1] = rng.nextDouble();
        }
        double[] l = GridDensity.of(left);
        double[] r = GridDensity.of(right);
        assertEquals(0, GridDensity.js(l, l), 1e-12);
        assertEquals(0, GridDensity.kl(l, l), 1e-12);
        assertTrue(GridDensity.js(l, r) > 0.9); // 1 without the smoothing of empty cells
        assertTrue(GridDensity.kl(l, r) > 5);
        // Points outside the square count, in a cell of their own.
        double[] outside = GridDensity.of(new double[] {-0.5, 0.5, 1.5, 0.5, Double.NaN, 0});
        assertEquals(1, outside[GridDensity.CELLS * GridDensity.CELLS], 1e-12);
    }

    @Test
    void drawingSamplesAlongTheStrokes() {
        Drawing d = new Drawing();
        d.begin(0.2, 0.5);
        d.extend(0.8, 0.5);
        d.begin(0.5, 0.9); // a single click: a dot
        double[] xy = d.sample(2000, new Rng(3));
        int nearLine = 0;
        int nearDot = 0;
        for (int i = 0; i < 2000; i++) {
            double x = xy[2 * i];
            double y = xy[2 * i + 1];
            if (Math.abs(y - 0.5) < 0.1 && x > 0.1 && x < 0.9) {
                nearLine++;
            } else if (Math.hypot(x - 0.5, y - 0.9) < 0.1) {
                nearDot++;
            }
        }
        assertEquals(2000, nearLine + nearDot);
        assertTrue(nearDot > 0 && nearDot < 100, "the dot is short next to the line: " + nearDot);
    }

    @Test
    void slowMotionPublishesEverySubStepInOrderAndPauseStopsBetweenSubSteps() throws Exception {
        List<PlaygroundFrame> frames = new ArrayList<>();
        PlaygroundGan gan = new PlaygroundGan(PlaygroundConfig.defaults(), PlaygroundGan.realPoints(Preset.RING, 1));
        PlaygroundRunner runner = new PlaygroundRunner(gan, 0, f -> {
            synchronized (frames) {
                frames.add(f);
            }
        });
        runner.setSlowMotion(true);
        runner.setPauseMs(1);
        runner.oneStep();
        List<String> order = frames.stream().filter(f -> f.phase() != null)
                .map(f -> f.side().name().charAt(0) + ":" + f.phase().number()).toList();
        assertEquals(List.of("D:1", "D:2", "D:3", "D:4", "D:5", "D:1", "D:2", "D:3", "D:4", "D:5",
                "G:1", "G:2", "G:3", "G:4", "G:5"), order);
        assertEquals(1, gan.step());
        assertTrue(Double.isFinite(frames.get(2).updateLoss()));
        assertTrue(Double.isNaN(frames.get(1).updateLoss()));
        // Paused while playing in slow motion: returns within a sub-step, the update finished, no step counted.
        runner.setPauseMs(200);
        Thread t = new Thread(runner::play);
        t.start();
        Thread.sleep(300);
        runner.pause();
        t.join(2000);
        assertFalse(t.isAlive());
        assertEquals(1, gan.step());
    }

    @Test
    void playKeepsThePaceAndPublishesFrames() throws Exception {
        List<PlaygroundFrame> frames = new ArrayList<>();
        PlaygroundGan gan = new PlaygroundGan(PlaygroundConfig.defaults(), PlaygroundGan.realPoints(Preset.LINE, 1));
        PlaygroundRunner runner = new PlaygroundRunner(gan, 100, f -> {
            synchronized (frames) {
                frames.add(f);
            }
        });
        Thread t = new Thread(runner::play);
        t.start();
        Thread.sleep(1000);
        runner.pause();
        t.join(2000);
        long steps = gan.step();
        // 100 steps/s for about a second (a busy test machine may fall behind, never run ahead).
        assertTrue(steps >= 30 && steps <= 115, "steps " + steps);
        assertTrue(frames.size() >= 8, "frames " + frames.size());
    }
}
