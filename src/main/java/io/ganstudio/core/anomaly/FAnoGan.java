package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ganstudio.core.engine.Autograd;
import io.ganstudio.core.engine.EngineSetup;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.model.GanNetworks;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.Checkpoints;
import io.ganstudio.core.run.LoadedCheckpoint;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.function.Supplier;

/**
 * A trained run's generator G and discriminator D, frozen, with the f-AnoGAN encoder E (izi_f, Schlegl et al. 2019):
 * for an image x, z = E(x), its reconstruction G(z), and the two terms of the score,
 * image term MSE(x, G(E(x))) and feature term MSE(f(x), f(G(E(x)))) with f = D's features before its last layer.
 *
 * <p>Everything runs in inference mode (batch norm with its running statistics), so an image's score never depends
 * on the other images in its batch. Batches have one fixed size, padded at the end: oneDNN fails when one network
 * instance gets a smaller batch after a larger one. Not thread-safe: one thread creates and uses it.
 */
public final class FAnoGan implements AutoCloseable {

    /** The one batch size every forward pass uses. */
    public static final int BATCH = 32;
    /** Weight of the feature term (f-AnoGAN's kappa). */
    public static final float KAPPA = 1f;

    private final NDManager root;
    private final GanNetworks gan;
    private final Encoder encoder;
    private final ModelConfig model;
    private final long step;
    private final String fingerprint;
    private final Shape batchShape;

    private FAnoGan(NDManager root, ModelConfig model, long seed, Map<String, float[]> weights, long step,
                    String fingerprint) {
        this.root = root;
        this.model = model;
        this.step = step;
        this.fingerprint = fingerprint;
        this.gan = new GanNetworks(model, root, seed);
        gan.importWeights(weights);
        gan.importGenerator(weights); // the loader's choice of generator weights (it may prefer averaged ones)
        gan.generator().freezeParameters(true, p -> true);
        gan.discriminator().freezeParameters(true, p -> true);
        this.encoder = new Encoder(model, root, seed);
        this.batchShape = new Shape(BATCH, model.channels(), model.imageSize(), model.imageSize());
    }

    /** The networks written into an inspection model ({@link #ganWeights()}), without the run folder. */
    static FAnoGan of(ModelConfig model, long seed, Map<String, float[]> ganWeights, long step, String fingerprint) {
        EngineSetup.init();
        NDManager root = NDManager.newBaseManager(EngineSetup.device());
        try {
            return new FAnoGan(root, model, seed, ganWeights, step, fingerprint);
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    /**
     * What identifies the run a model belongs to: a checksum of the discriminator's weights in a checkpoint (the
     * same run trained further, or another run, has other weights).
     */
    static String fingerprint(Map<String, float[]> checkpointWeights) {
        CRC32C crc = new CRC32C();
        new TreeMap<>(checkpointWeights).forEach((name, v) -> {
            if (name.startsWith("d.")) {
                crc.update(name.getBytes(StandardCharsets.UTF_8));
                ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES);
                b.asFloatBuffer().put(v);
                crc.update(b.array());
            }
        });
        return String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    /** The generator and discriminator as loaded (the generator's average where the checkpoint has one). */
    Map<String, float[]> ganWeights() {
        return gan.exportWeights();
    }

    long step() {
        return step;
    }

    String fingerprint() {
        return fingerprint;
    }

    /**
     * The run's newest checkpoint that verifies, or, when an encoder was fitted, the checkpoint it was fitted to.
     *
     * @param fittedStep the GAN step the encoder belongs to, or -1 for the newest checkpoint
     */
    static FAnoGan open(RunFolder run, long fittedStep) throws IOException {
        LoadedCheckpoint c = Checkpoints.readLatest(run.checkpointDir());
        if (fittedStep >= 0 && c.step() != fittedStep) {
            Path exact = run.checkpointDir().resolve(Checkpoints.fileName(fittedStep));
            if (!Files.isRegularFile(exact)) {
                throw new StaleEncoderException(fittedStep, c.step());
            }
            c = Checkpoints.read(exact);
        }
        return of(c.config().model(), c.config().train().seed(), c.state().weights(), c.step(),
                fingerprint(c.state().weights()));
    }

    /**
     * The fingerprint of the run's checkpoint of {@code step} ({@link #fingerprint(Map)}).
     *
     * @throws StaleEncoderException when that checkpoint is gone
     */
    static String runFingerprint(RunFolder run, long step) throws IOException {
        Path exact = run.checkpointDir().resolve(Checkpoints.fileName(step));
        if (!Files.isRegularFile(exact)) {
            LoadedCheckpoint newest = Checkpoints.readLatest(run.checkpointDir());
            if (newest.step() != step) {
                throw new StaleEncoderException(step, newest.step());
            }
            return fingerprint(newest.state().weights());
        }
        return fingerprint(Checkpoints.read(exact).state().weights());
    }

    /** The encoder was fitted to a GAN checkpoint that is gone (the run was trained further). */
    public static final class StaleEncoderException extends IOException {
        StaleEncoderException(long fitted, long newest) {
            super("the encoder was fitted to the generator of step " + fitted + ", but the run has been trained "
                    + "further (newest checkpoint: step " + newest + ") and that checkpoint is gone; fit the "
                    + "encoder again");
        }
    }

    public ModelConfig model() {
        return model;
    }

    Encoder encoder() {
        return encoder;
    }

    NDManager manager() {
        return root;
    }

    int imageValues() {
        return model.channels() * model.imageSize() * model.imageSize();
    }

    /** n (at most BATCH) images, CHW each, as one full batch: the last image repeats into the padding. */
    NDArray batch(NDManager m, float[] images, int n) {
        if (n < 1 || n > BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + BATCH + " images, not " + n);
        }
        int v = imageValues();
        float[] full = new float[BATCH * v];
        System.arraycopy(images, 0, full, 0, n * v);
        for (int i = n; i < BATCH; i++) {
            System.arraycopy(images, (n - 1) * v, full, i * v, v);
        }
        return PortableOps.create(m, full, batchShape);
    }

    /** The two score terms per image of a batch, and the reconstruction. */
    record Terms(NDArray imageTerm, NDArray featureTerm, NDArray reconstruction) {
        NDArray score() {
            return imageTerm.add(PortableOps.mul(featureTerm, KAPPA));
        }
    }

    /** The score terms of x at latent z; {@code realFeatures} is f(x), computed once by the caller. */
    Terms terms(NDArray x, NDArray realFeatures, NDArray z) {
        NDArray g = gan.generate(z, false);
        NDArray imageTerm = PortableOps.mean(x.sub(g).square(), false, 1, 2, 3);
        NDArray featureTerm = realFeatures.sub(gan.discriminatorFeatures(g, false)).square().mean(new int[] {1});
        return new Terms(imageTerm, featureTerm, g);
    }

    NDArray features(NDArray x) {
        return gan.discriminatorFeatures(x, false);
    }

    /** D's hidden feature maps of x, finest first (see {@link GanNetworks#discriminatorStages}). */
    java.util.List<NDArray> stages(NDArray x) {
        return gan.discriminatorStages(x, false);
    }

    /** One encoder training step's forward and backward pass; returns (loss, image term, feature term) means. */
    float[] trainingPass(NDArray x) {
        NDArray fx = features(x);
        NDArray[] parts = new NDArray[2];
        Supplier<NDArray> f = () -> {
            Terms t = terms(x, fx, encoder.encode(x));
            parts[0] = t.imageTerm().mean();
            parts[1] = t.featureTerm().mean();
            return parts[0].add(PortableOps.mul(parts[1], KAPPA));
        };
        NDArray loss = Autograd.backwardInInferenceMode(f);
        return new float[] {loss.getFloat(), parts[0].getFloat(), parts[1].getFloat()};
    }

    /** Scores n images (at most BATCH), CHW each, values in [-1, 1]. */
    Scored score(float[] images, int n) {
        try (NDManager sub = root.newSubManager()) {
            NDArray x = batch(sub, images, n);
            Terms t = terms(x, features(x), encoder.encode(x));
            return Scored.of(t, x, n, model);
        }
    }

    /**
     * AnoGAN's latent optimisation started from E(x) (Schlegl et al. 2017): z moves to minimise the mean absolute
     * residual plus {@code lambda} times the mean absolute feature difference, with Adam; G, D and E stay fixed.
     * Slower than scoring (two passes per iteration) and sharper. The result is scored like any image.
     */
    Scored refine(float[] images, int n, int iterations, float lambda) {
        try (NDManager sub = root.newSubManager()) {
            NDArray x = batch(sub, images, n);
            NDArray fx = features(x);
            NDArray z = encoder.encode(x).duplicate();
            z.setRequiresGradient(true);
            NDArray m = sub.zeros(z.getShape());
            NDArray v = sub.zeros(z.getShape());
            float lr = 0.02f;
            for (int i = 1; i <= iterations; i++) {
                try (NDManager step = sub.newSubManager()) {
                    NDArray zi = z;
                    Autograd.backwardInInferenceMode(() -> {
                        NDArray g = gan.generate(zi, false);
                        NDArray residual = PortableOps.mean(x.sub(g).abs(), false, 1, 2, 3);
                        NDArray feature = fx.sub(gan.discriminatorFeatures(g, false)).abs().mean(new int[] {1});
                        // A sum over images: each image's z gets its own gradient, unscaled by the batch size.
                        NDArray loss = residual.add(PortableOps.mul(feature, lambda)).sum();
                        loss.attach(step);
                        return loss;
                    });
                    NDArray grad = z.getGradient();
                    PortableOps.muli(m, 0.9f).addi(PortableOps.mul(grad, 0.1f));
                    PortableOps.muli(v, 0.999f).addi(PortableOps.mul(grad.square(), 0.001f));
                    float corrected = (float) (lr * Math.sqrt(1 - Math.pow(0.999, i)) / (1 - Math.pow(0.9, i)));
                    NDArray update = PortableOps.mul(m.div(v.sqrt().add(1e-8f)), corrected);
                    NDArray next = z.sub(update);
                    next.attach(sub);
                    grad.close();
                    z = next;
                    z.setRequiresGradient(true);
                }
            }
            NDArray zFinal = z.duplicate();
            zFinal.setRequiresGradient(false);
            return Scored.of(terms(x, fx, zFinal), x, n, model);
        }
    }

    @Override
    public void close() {
        encoder.close();
        gan.close();
        root.close();
    }

    /** Plain Java results of a scored batch. */
    record Scored(float[] imageTerm, float[] featureTerm, float[] reconstruction, float[] residual, int n) {
        static Scored of(Terms t, NDArray x, int n, ModelConfig model) {
            float[] img = t.imageTerm().toFloatArray();
            float[] feat = t.featureTerm().toFloatArray();
            // |x - G(E(x))| averaged over channels: one map value per pixel.
            NDArray residual = x.sub(t.reconstruction()).abs().mean(new int[] {1});
            int v = model.channels() * model.imageSize() * model.imageSize();
            int plane = model.imageSize() * model.imageSize();
            float[] recon = t.reconstruction().toFloatArray();
            float[] res = residual.toFloatArray();
            return new Scored(Arrays.copyOf(img, n), Arrays.copyOf(feat, n),
                    Arrays.copyOf(recon, n * v), Arrays.copyOf(res, n * plane), n);
        }

        float score(int i) {
            return imageTerm[i] + KAPPA * featureTerm[i];
        }
    }
}
