package io.ganstudio.core.latent;

import ai.djl.ndarray.NDManager;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;

/**
 * Run in its own JVM by {@link StudioEngineDirectionsTest} (MXNet reads its worker count once per process): loads
 * the engine as the studio does (two workers per CPU context) and computes Explore's principal directions on the
 * device Explore uses, several times, printing how many attempts failed.
 */
public final class StudioEngineDirectionsCheck {

    private StudioEngineDirectionsCheck() {
    }

    public static void main(String[] args) {
        EngineSetup.preferInteractive();
        EngineSetup.init();
        int attempts = Integer.parseInt(args[0]);
        int failed = 0;
        String firstError = "";
        for (int i = 0; i < attempts; i++) {
            try (NDManager manager = NDManager.newBaseManager(EngineSetup.interactiveDevice());
                 GanNetworks networks = new GanNetworks(ModelConfig.dcgan(16, 1), manager, 7 + i)) {
                // Explore's call: 16 directions from 1,000 samples, several chunks of the first block.
                Directions.compute(networks, 16, 1000, 1L);
            } catch (RuntimeException e) {
                failed++;
                if (firstError.isEmpty()) {
                    firstError = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                }
            }
        }
        System.out.println("failed " + failed);
        System.out.println("first-error " + (firstError.isEmpty() ? "none" : firstError.replace(' ', '_')));
    }
}
