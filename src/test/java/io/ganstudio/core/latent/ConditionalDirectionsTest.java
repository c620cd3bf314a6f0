package io.ganstudio.core.latent;

import ai.djl.ndarray.NDManager;
import io.ganstudio.OnBothEngines;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Principal directions of a conditional generator: its first block takes z joined to the class embedding. */
@OnBothEngines
class ConditionalDirectionsTest {

    @Test
    void aConditionalGeneratorHasPrincipalDirectionsInZ() {
        EngineSetup.init();
        ModelConfig tiny = new ModelConfig(16, 1, 16, 8, 8, Normalization.BATCH_NORM, 16, true)
                .withClasses(List.of("circle", "square", "star"));
        try (NDManager m = NDManager.newBaseManager(); GanNetworks n = new GanNetworks(tiny, m, 3)) {
            List<Directions.Direction> ds = Directions.compute(n, 4, 200, 1);
            assertEquals(4, ds.size());
            for (Directions.Direction d : ds) {
                assertEquals(16, d.z().length, "directions live in z, not in z joined to the embedding");
                assertEquals(1.0, Latents.norm(d.z()), 1e-4);
            }
            double first = ds.get(0).explainedVariance();
            double last = ds.get(3).explainedVariance();
            assertEquals(true, first >= last && first > 0, "ordered by explained variance: " + first + ", " + last);
        }
    }
}
