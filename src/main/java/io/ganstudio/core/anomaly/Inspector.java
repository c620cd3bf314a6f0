package io.ganstudio.core.anomaly;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores images with a run's fitted encoder: a few forward passes per image. Read-only on the run folder.
 * Not thread-safe: use it from one thread at a time.
 */
public final class Inspector implements AutoCloseable {

    /** AnoGAN's weight of the feature difference in refinement. */
    public static final float REFINE_LAMBDA = 0.1f;
    public static final int REFINE_ITERATIONS = 100;

    private final FAnoGan networks;
    private final EncoderFile encoder;

    private Inspector(FAnoGan networks, EncoderFile encoder) {
        this.networks = networks;
        this.encoder = encoder;
    }

    /**
     * Opens a run with a fitted encoder.
     *
     * @throws java.nio.file.NoSuchFileException when the run has no checkpoint or no encoder yet (says what to do)
     */
    public static Inspector open(RunFolder run) throws IOException {
        EncoderFile file = EncoderFile.read(run.dir());
        FAnoGan n = FAnoGan.open(run, file.header().ganStep());
        try {
            n.encoder().importWeights(file.weights());
        } catch (IllegalArgumentException e) {
            n.close();
            throw new IOException(e.getMessage(), e);
        }
        return new Inspector(n, file);
    }

    static Inspector of(FAnoGan networks, EncoderFile encoder) {
        return new Inspector(networks, encoder);
    }

    public EncoderFile encoderFile() {
        return encoder;
    }

    public ModelConfig model() {
        return networks.model();
    }

    /** Residual shown at full heat in maps. */
    public float mapScale() {
        return encoder.header().mapScale();
    }

    /** Scores images (each CHW, values in [-1, 1], the model's size and channels), in batches. */
    public List<Inspection> inspect(List<float[]> images) {
        return run(images, false);
    }

    /** Scores images after AnoGAN's latent optimisation from E(x) ({@link #REFINE_ITERATIONS} steps). */
    public List<Inspection> refine(List<float[]> images) {
        return run(images, true);
    }

    private List<Inspection> run(List<float[]> images, boolean refine) {
        int v = networks.imageValues();
        int size = networks.model().imageSize();
        int plane = size * size;
        List<Inspection> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += FAnoGan.BATCH) {
            int n = Math.min(FAnoGan.BATCH, images.size() - from);
            float[] batch = new float[n * v];
            for (int i = 0; i < n; i++) {
                float[] img = images.get(from + i);
                if (img.length != v) {
                    throw new IllegalArgumentException("an image has " + img.length + " values; this model takes "
                            + v + " (" + networks.model().channels() + " x " + size + " x " + size + ")");
                }
                System.arraycopy(img, 0, batch, i * v, v);
            }
            FAnoGan.Scored s = refine ? networks.refine(batch, n, REFINE_ITERATIONS, REFINE_LAMBDA)
                    : networks.score(batch, n);
            for (int i = 0; i < n; i++) {
                float[] recon = Arrays.copyOfRange(s.reconstruction(), i * v, (i + 1) * v);
                float[] residual = Arrays.copyOfRange(s.residual(), i * plane, (i + 1) * plane);
                out.add(new Inspection(s.score(i), s.imageTerm()[i], s.featureTerm()[i], recon,
                        Heatmap.smooth(residual, size)));
            }
        }
        return out;
    }

    @Override
    public void close() {
        networks.close();
    }
}
