package io.ganstudio.core.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.OnBothEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Java data and numbers handed to the engine stay right when the garbage collector runs between a forward and a
 * backward pass, or during a copy. DJL's own {@code x.mul(3f)} and {@code manager.create(data)} on PyTorch fail the
 * gradient checks here (their memory is Java memory, freed once collected: NaN or wild gradients in every try), which
 * is why code calls {@link PortableOps#create}, {@link PortableOps#mul} and its siblings, and ArchitectureTest keeps
 * it so.
 */
@OnBothEngines
class JavaMemoryTest {

    @BeforeAll
    static void engine() {
        EngineSetup.init();
    }

    /** Collects garbage, then fills freshly allocated native memory with NaN, where freed memory is reused first. */
    private static List<ByteBuffer> collectAndScribble() throws InterruptedException {
        List<ByteBuffer> kept = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(20);
            for (int j = 0; j < 1000; j++) {
                ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
                b.putFloat(0, Float.NaN);
                kept.add(b);
            }
        }
        return kept;
    }

    private static float[] gradient(BiFunction<NDArray, Float, NDArray> op, float number) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1f, 2f, 4f});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = op.apply(x, number);
                List<ByteBuffer> scribbled = collectAndScribble();
                gc.backward(y.sum());
                scribbled.clear();
            }
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void aProductsGradientSurvivesACollection() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(new float[] {3f, 3f, 3f}, gradient(PortableOps::mul, 3f), 0f);
        }
    }

    @Test
    void aQuotientsGradientSurvivesACollection() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, gradient(PortableOps::div, 2f), 0f);
        }
    }

    @Test
    void aPowersGradientSurvivesACollection() throws Exception {
        for (int i = 0; i < 5; i++) {
            // d/dx x^2 = 2x
            assertArrayEquals(new float[] {2f, 4f, 8f}, gradient(PortableOps::pow, 2f), 1e-6f);
        }
    }

    @Test
    void anInPlaceProductScalesTheArray() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1f, -2f});
            NDArray same = PortableOps.muli(x, 0.5f);
            assertArrayEquals(new float[] {0.5f, -1f}, x.toFloatArray(), 0f);
            assertArrayEquals(x.toFloatArray(), same.toFloatArray(), 0f);
        }
    }

    @Test
    void aProductWithAClosedArrayKeepsItsGradient() throws Exception {
        for (int i = 0; i < 5; i++) {
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.create(new float[] {1f, 2f, 4f});
                x.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray y;
                    try (NDManager sub = m.newSubManager()) {
                        y = x.mul(PortableOps.create(sub, new float[] {5f, 6f, 7f}, new Shape(3)));
                    }
                    List<ByteBuffer> scribbled = collectAndScribble();
                    gc.backward(y.sum());
                    scribbled.clear();
                }
                assertArrayEquals(new float[] {5f, 6f, 7f}, x.getGradient().toFloatArray(), 0f);
            }
        }
    }

    @Test
    void anArrayTakesTheFirstValuesAndRefusesTooFew() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertArrayEquals(new float[] {1f, 2f}, PortableOps.create(m, new float[] {1f, 2f, 3f}, new Shape(2))
                    .toFloatArray(), 0f);
            assertThrows(IllegalArgumentException.class, () -> PortableOps.create(m, new float[] {1f}, new Shape(2)));
        }
    }
}
