package io.ganstudio.core.engine;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.latent.Directions;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Upsampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Run in its own JVM by {@link InteractiveDeviceTest} (the engine's threads are made once per process): loads the
 * engine as the studio does, renders the same images on the interactive device and on the ordinary one, and prints
 * which threads did the work.
 */
public final class InteractiveDeviceCheck {

    private InteractiveDeviceCheck() {
    }

    public static void main(String[] args) throws Exception {
        EngineSetup.preferInteractive();
        EngineSetup.init();
        System.out.println("split " + EngineSetup.interactiveGoesFirst());
        ModelConfig model = ModelConfig.dcgan(32, 1);
        int n = 16;
        float[] z = new float[n * model.latentSize()];
        Random random = new Random(3);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        try (NDManager ordinary = NDManager.newBaseManager();
             NDManager interactive = NDManager.newBaseManager(EngineSetup.interactiveDevice());
             GanNetworks back = new GanNetworks(model, ordinary, 7);
             GanNetworks front = new GanNetworks(model, interactive, 7)) {
            System.out.println("identical " + (Arrays.equals(back.sample(z, n), front.sample(z, n))
                    && sameDirections(Directions.compute(back, 3, 256, 5), Directions.compute(front, 3, 256, 5))
                    && sameConditional(z, n)));
            System.out.printf("interactive background-share %.3f%n", backgroundShare(() -> front.sample(z, n)));
            System.out.printf("ordinary background-share %.3f%n", backgroundShare(() -> back.sample(z, n)));
        }
    }

    /** A conditional generator with resize convolutions: Explore's other paths. */
    private static boolean sameConditional(float[] z, int n) {
        ModelConfig model = ModelConfig.dcgan(32, 1).withClasses(List.of("a", "b", "c"))
                .withUpsampling(Upsampling.RESIZE_CONV);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        try (NDManager ordinary = NDManager.newBaseManager();
             NDManager interactive = NDManager.newBaseManager(EngineSetup.interactiveDevice());
             GanNetworks back = new GanNetworks(model, ordinary, 9);
             GanNetworks front = new GanNetworks(model, interactive, 9)) {
            return Arrays.equals(back.sample(z, labels, n), front.sample(z, labels, n));
        }
    }

    private static boolean sameDirections(List<Directions.Direction> a, List<Directions.Direction> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i).z(), b.get(i).z())) {
                return false;
            }
        }
        return a.size() == b.size();
    }

    /** Repeats the work for 1.5 s and returns the share of the process's CPU time spent on background threads. */
    private static double backgroundShare(Runnable work) throws IOException {
        for (int i = 0; i < 5; i++) {
            work.run(); // warm up (and let the JIT settle) before measuring
        }
        Map<String, long[]> before = threads();
        long end = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < end) {
            work.run();
        }
        Map<String, long[]> after = threads();
        long background = 0;
        long all = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] was = before.getOrDefault(e.getKey(), new long[] {0, 0});
            long ticks = e.getValue()[0] - was[0];
            all += ticks;
            if (e.getValue()[1] == EngineSetup.BACKGROUND_NICE) {
                background += ticks;
            }
        }
        return all == 0 ? 0 : (double) background / all;
    }

    /** Every thread of this process: CPU ticks (user + system) and nice value, by thread id. */
    private static Map<String, long[]> threads() throws IOException {
        Map<String, long[]> out = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the name: state is field 3, utime 14, stime 15, nice 19
                out.put(task.getFileName().toString(),
                        new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[16])});
            }
        }
        return out;
    }
}
