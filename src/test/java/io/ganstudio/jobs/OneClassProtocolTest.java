package io.ganstudio.jobs;

import io.ganstudio.OnBothEngines;
import io.ganstudio.core.data.DataSpec;
import io.ganstudio.core.data.DatasetException;
import io.ganstudio.core.data.DatasetLoader;
import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.data.LoadOptions;
import io.ganstudio.core.engine.EngineSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-class protocol on a tiny labelled training set: one class's images train, the built-in set is scored. */
@OnBothEngines
class OneClassProtocolTest {

    /** {@code count} random 28x28 images labelled 0..9 in turn, as an IDX pair. */
    static Path labelledIdx(Path dir, int count) throws Exception {
        Path images = Files.createDirectories(dir).resolve("train-images-idx3-ubyte");
        Random r = new Random(3);
        try (DataOutputStream d = new DataOutputStream(Files.newOutputStream(images))) {
            d.writeInt(0x803);
            d.writeInt(count);
            d.writeInt(28);
            d.writeInt(28);
            byte[] px = new byte[count * 28 * 28];
            r.nextBytes(px);
            d.write(px);
        }
        try (DataOutputStream d = new DataOutputStream(Files.newOutputStream(dir.resolve("train-labels-idx1-ubyte")))) {
            d.writeInt(0x801);
            d.writeInt(count);
            for (int i = 0; i < count; i++) {
                d.writeByte(i % 10);
            }
        }
        return images;
    }

    @Test
    void oneClassTrainsOnItsOwnImagesAndIsMeasuredOnTheBuiltInSet(@TempDir Path tmp) throws Exception {
        EngineSetup.init();
        Path idx = labelledIdx(tmp.resolve("fm"), 40);
        List<String> events = new ArrayList<>();
        List<OneClassProtocol.Result> results = OneClassProtocol.runAll(List.of(3),
                new OneClassProtocol.Settings(idx, 2, 2, 1), tmp.resolve("out"), new OneClassProtocol.Progress() {
                    @Override
                    public void subsetWritten(int c, int images, Path file) {
                        events.add("subset " + c + " " + images + " " + file.getFileName());
                    }

                    @Override
                    public void ganTrained(int c, long steps, double seconds) {
                        events.add("gan " + c + " " + steps);
                    }

                    @Override
                    public void encoderFitted(int c, int steps, double seconds) {
                        events.add("encoder " + c + " " + steps);
                    }

                    @Override
                    public void classDone(OneClassProtocol.Result r) {
                        events.add("done " + r.normalClass());
                    }
                });
        assertEquals(List.of("subset 3 4 train-class3-images-idx3-ubyte", "gan 3 2", "encoder 3 2", "done 3"),
                events);
        OneClassProtocol.Result r = results.get(0);
        assertEquals(3, r.normalClass());
        assertEquals("Dress", r.className());
        assertEquals(4, r.trainImages());
        assertEquals(10_000, r.testImages());
        assertTrue(r.ganAuroc() >= 0 && r.ganAuroc() <= 1, "AUROC " + r.ganAuroc());
        assertTrue(r.baselineAuroc() >= 0 && r.baselineAuroc() <= 1, "AUROC " + r.baselineAuroc());
        Path classDir = tmp.resolve("out").resolve("class-3");
        assertTrue(Files.isRegularFile(classDir.resolve("run").resolve("anomaly").resolve("encoder.gse")));
        ImageDataset written = DatasetLoader.load(DataSpec.idx(classDir.resolve("train-class3-images-idx3-ubyte")
                .toString()), 28, LoadOptions.defaults(), null).dataset();
        assertEquals(4, written.count());
        ImageDataset all = DatasetLoader.load(DataSpec.idx(idx.toString()), 28, LoadOptions.defaults(), null)
                .dataset();
        byte[] third = Arrays.copyOfRange(all.pixels(), 3 * 784, 4 * 784); // image 3 is class 3's first
        assertArrayEquals(third, Arrays.copyOfRange(written.pixels(), 0, 784));
    }

    @Test
    void aClassWithoutImagesIsRefusedBeforeAnyTraining(@TempDir Path tmp) throws Exception {
        Path idx = labelledIdx(tmp.resolve("fm"), 5); // labels 0..4 only
        DatasetException e = assertThrows(DatasetException.class, () -> OneClassProtocol.run(7,
                new OneClassProtocol.Settings(idx, 2, 2, 1), tmp.resolve("out"), new OneClassProtocol.Progress() {
                }));
        assertTrue(e.getMessage().contains("class 7"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("out").resolve("class-7").resolve("run")));
    }
}
