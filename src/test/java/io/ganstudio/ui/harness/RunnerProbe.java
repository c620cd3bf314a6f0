package io.ganstudio.ui.harness;

import io.ganstudio.core.latent.GeneratorRunner;
import io.ganstudio.core.latent.Latents;
import io.ganstudio.core.run.RunFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Manual check of the generator's engine behaviour across batch sizes. */
public final class RunnerProbe {
    public static void main(String[] a) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        try (GeneratorRunner r = GeneratorRunner.open(RunFolder.open(Path.of(a[0])))) {
            List<float[]> zs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                zs.add(Latents.fromSeed(i, r.latentSize()));
            }
            for (String step : a[1].split(",")) {
                try {
                    switch (step) {
                        case "dir" -> r.directions(16, 1000, 1).get();
                        default -> r.renderBatch(zs.subList(0, Integer.parseInt(step.substring(1)))).get();
                    }
                    System.out.println(step + " ok");
                } catch (Exception e) {
                    System.out.println(step + " FAILED " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
    }
}
