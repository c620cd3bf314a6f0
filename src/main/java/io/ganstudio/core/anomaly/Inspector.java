package io.ganstudio.core.anomaly;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.run.RunFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores images with a fitted inspection model: the run's G and D (frozen), f-AnoGAN's encoder, and the statistics
 * of D's features on the normal images; a few forward passes per image, every {@link ScoreMethod} at once, the
 * chosen one as the score. Read-only on the run folder. Not thread-safe: use it from one thread at a time.
 */
public final class Inspector implements AutoCloseable {

    /** AnoGAN's weight of the feature difference in refinement. */
    public static final float REFINE_LAMBDA = 0.1f;
    public static final int REFINE_ITERATIONS = 100;
    /** The nearest-neighbour method reads D's second hidden map, average-pooled by this factor. */
    static final int NEAREST_STAGE = 1;
    static final int NEAREST_POOL = 2;
    /** The methods the combined score averages (normalised). */
    static final List<ScoreMethod> COMBINED_PARTS = List.of(ScoreMethod.PADIM, ScoreMethod.FEATURE_NN,
            ScoreMethod.ROTATION);
    /** Array names of the statistics inside the model file, beside the encoder's weights and "gan/" networks. */
    static final String GAN_PREFIX = "gan/";
    static final String PADIM_MEAN = "padim.mean";
    static final String PADIM_PRECISION = "padim.precision";
    static final String REFERENCE_PIXELS = "reference.pixels";

    private final FAnoGan networks;
    private final EncoderFile file;
    private final FeatureGaussian gaussian;
    private final FeatureNearest nearest;
    private final RotationHead rotation;
    private final float[] referencePixels;
    private final Map<ScoreMethod, MethodStats> stats;
    private ScoreMethod method;

    private Inspector(FAnoGan networks, EncoderFile file, FeatureGaussian gaussian, RotationHead rotation,
                      float[] referencePixels, Map<ScoreMethod, MethodStats> stats, ScoreMethod method) {
        this.networks = networks;
        this.file = file;
        this.gaussian = gaussian;
        this.rotation = rotation;
        this.referencePixels = referencePixels;
        this.nearest = referenceFeatures(networks, referencePixels);
        this.stats = stats;
        this.method = method;
    }

    /**
     * Opens the inspection model fitted to a run, after checking that it belongs to the run's checkpoint.
     *
     * @throws java.nio.file.NoSuchFileException when the run has no fitted model (its reason says to fit one)
     * @throws IOException                       when the model belongs to another run or cannot be used
     */
    public static Inspector open(RunFolder run) throws IOException {
        EncoderFile file = EncoderFile.read(run.dir());
        return open(EncoderFile.path(run.dir()), file, run);
    }

    /**
     * Opens a model file, anywhere; with {@code run} not null, refuses it unless it was fitted to that run.
     */
    public static Inspector open(Path modelFile, RunFolder run) throws IOException {
        return open(modelFile, EncoderFile.readFile(modelFile), run);
    }

    private static Inspector open(Path path, EncoderFile file, RunFolder run) throws IOException {
        EncoderFile.Header h = file.header();
        if (!h.complete()) {
            throw new IOException("the inspection model " + path + " was fitted by an older version of GAN Studio "
                    + "(an encoder alone, without the networks and the feature statistics): fit it again");
        }
        if (run != null) {
            String own;
            try {
                own = FAnoGan.runFingerprint(run, h.ganStep());
            } catch (FAnoGan.StaleEncoderException e) {
                throw new IOException("the inspection model " + path + " was fitted to the checkpoint of step "
                        + h.ganStep() + ", which the run at " + run.dir() + " does not have: it belongs to another "
                        + "run, or this run was trained further since; fit it again", e);
            }
            if (!own.equals(h.fingerprint())) {
                throw new IOException("the inspection model " + path + " belongs to another run (fitted to a "
                        + "discriminator with fingerprint " + h.fingerprint() + "; the run at " + run.dir()
                        + " has " + own + " at step " + h.ganStep() + ")");
            }
        }
        Map<String, float[]> gan = new LinkedHashMap<>();
        file.weights().forEach((k, v) -> {
            if (k.startsWith(GAN_PREFIX)) {
                gan.put(k.substring(GAN_PREFIX.length()), v);
            }
        });
        FAnoGan n;
        try {
            n = FAnoGan.of(h.model(), h.seed(), gan, h.ganStep(), h.fingerprint());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("the inspection model " + path + " cannot be used: its networks do not fit its "
                    + "model (" + e.getMessage() + "); fit it again", e);
        }
        try {
            n.encoder().importWeights(file.weights());
            float[] mean = file.weights().get(PADIM_MEAN);
            float[] precision = file.weights().get(PADIM_PRECISION);
            float[] refs = file.weights().get(REFERENCE_PIXELS);
            if (mean == null || precision == null || refs == null || refs.length == 0
                    || refs.length % n.imageValues() != 0) {
                throw new IllegalArgumentException("its feature statistics are missing");
            }
            int channels = precision.length / mean.length;
            FeatureGaussian g = new FeatureGaussian(channels, mean.length / channels, mean, precision);
            RotationHead rotation = RotationHead.of(file.weights().get(RotationHead.MEAN),
                    file.weights().get(RotationHead.SCALE), file.weights().get(RotationHead.WEIGHTS), g.positions());
            Map<ScoreMethod, MethodStats> stats = new EnumMap<>(ScoreMethod.class);
            for (MethodStats m : h.methods()) {
                stats.put(ScoreMethod.parse(m.method()), m);
            }
            if (stats.size() != ScoreMethod.values().length) {
                throw new IllegalArgumentException("it lacks the statistics of a score method");
            }
            return new Inspector(n, file, g, rotation, refs, stats, ScoreMethod.parse(h.method()));
        } catch (IllegalArgumentException e) {
            n.close();
            throw new IOException("the inspection model " + path + " cannot be used: " + e.getMessage()
                    + "; fit it again", e);
        } catch (RuntimeException e) {
            n.close();
            throw e;
        }
    }

    /** While fitting: the networks and feature statistics, before any method's validation statistics exist. */
    static Inspector fitting(FAnoGan networks, FeatureGaussian gaussian, RotationHead rotation,
                             float[] referencePixels) {
        return new Inspector(networks, null, gaussian, rotation, referencePixels, new EnumMap<>(ScoreMethod.class),
                ScoreMethod.FANOGAN);
    }

    private static FeatureNearest referenceFeatures(FAnoGan n, float[] pixels) {
        int v = n.imageValues();
        int count = pixels.length / v;
        List<float[]> parts = new ArrayList<>();
        int dim = -1;
        int channels = 0;
        int positions = 0;
        for (int from = 0; from < count; from += FAnoGan.BATCH) {
            int b = Math.min(FAnoGan.BATCH, count - from);
            try (NDManager sub = n.manager().newSubManager()) {
                NDArray x = n.batch(sub, Arrays.copyOfRange(pixels, from * v, (from + b) * v), b);
                NDArray stage = n.stages(x).get(NEAREST_STAGE);
                NDArray unit = FeatureNearest.unitFeatures(stage, NEAREST_POOL);
                if (dim < 0) {
                    channels = (int) stage.getShape().get(1);
                    dim = (int) unit.getShape().get(1);
                    positions = dim / channels;
                }
                parts.add(Arrays.copyOf(unit.toFloatArray(), b * dim));
            }
        }
        float[] all = new float[count * dim];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return new FeatureNearest(n.manager(), all, count, channels, positions);
    }

    /** The model file as read (null while fitting). */
    public EncoderFile encoderFile() {
        return file;
    }

    public ModelConfig model() {
        return networks.model();
    }

    /** The method whose score and map {@link #inspect} returns. */
    public ScoreMethod method() {
        return method;
    }

    public void setMethod(ScoreMethod m) {
        this.method = m;
    }

    /** The chosen method's statistics from the normal validation images. */
    public MethodStats stats(ScoreMethod m) {
        MethodStats s = stats.get(m);
        if (s == null) {
            throw new IllegalStateException("the model has no statistics of " + m.id() + " yet");
        }
        return s;
    }

    /** The chosen method's fit-time threshold. */
    public Threshold threshold() {
        return stats(method).fitThreshold();
    }

    /** The chosen method's threshold at another percentile of its validation scores. */
    public Threshold threshold(double percentile) {
        return stats(method).thresholdAt(percentile);
    }

    /** Map value shown at full heat, for the chosen method. */
    public float mapScale() {
        return stats(method).mapScale();
    }

    /** The normal reference images the feature statistics came from (CHW each, in [-1, 1], concatenated). */
    public float[] referencePixels() {
        return referencePixels;
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
        ModelConfig model = networks.model();
        int size = model.imageSize();
        int plane = size * size;
        List<Inspection> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += FAnoGan.BATCH) {
            int n = Math.min(FAnoGan.BATCH, images.size() - from);
            float[] batch = new float[n * v];
            for (int i = 0; i < n; i++) {
                float[] img = images.get(from + i);
                if (img.length != v) {
                    throw new IllegalArgumentException("an image has " + img.length + " values; this model takes "
                            + v + " (" + model.channels() + " x " + size + " x " + size + ")");
                }
                System.arraycopy(img, 0, batch, i * v, v);
            }
            FAnoGan.Scored s = refine ? networks.refine(batch, n, REFINE_ITERATIONS, REFINE_LAMBDA)
                    : networks.score(batch, n);
            float[] padim;
            int grid;
            FeatureNearest.Result near;
            int nearGrid;
            float[] upright;
            try (NDManager sub = networks.manager().newSubManager()) {
                NDArray x = networks.batch(sub, batch, n);
                List<NDArray> stages = networks.stages(x);
                NDArray last = stages.get(stages.size() - 1);
                grid = (int) last.getShape().get(2);
                padim = gaussian.distances(last).toFloatArray();
                upright = last.toFloatArray();
                NDArray nearStage = stages.get(NEAREST_STAGE);
                nearGrid = (int) nearStage.getShape().get(2) / NEAREST_POOL;
                near = nearest.nearest(FeatureNearest.unitFeatures(nearStage, NEAREST_POOL), n);
            }
            RotationHead.Result turns = rotation.score(networks, batch, n, upright);
            int cells = grid * grid;
            int network = model.networkSize();
            int margin = model.networkMargin();
            for (int i = 0; i < n; i++) {
                double[] scores = new double[ScoreMethod.values().length];
                float[][] maps = new float[ScoreMethod.values().length][];
                float[] cell = Arrays.copyOfRange(padim, i * cells, (i + 1) * cells);
                double sum = 0;
                for (float c : cell) {
                    sum += c;
                }
                scores[ScoreMethod.PADIM.ordinal()] = sum;
                maps[ScoreMethod.PADIM.ordinal()] = Heatmap.smooth(Heatmap.upsample(cell, grid, network, margin),
                        size);
                scores[ScoreMethod.FEATURE_NN.ordinal()] = near.scores()[i];
                maps[ScoreMethod.FEATURE_NN.ordinal()] = Heatmap.smooth(Heatmap.upsample(near.maps()[i], nearGrid,
                        network, margin), size);
                scores[ScoreMethod.ROTATION.ordinal()] = turns.scores()[i];
                maps[ScoreMethod.ROTATION.ordinal()] = Heatmap.smooth(Heatmap.upsample(turns.maps()[i],
                        rotation.grid(), network, margin), size);
                scores[ScoreMethod.FANOGAN.ordinal()] = s.score(i);
                maps[ScoreMethod.FANOGAN.ordinal()] = Heatmap.smooth(
                        Arrays.copyOfRange(s.residual(), i * plane, (i + 1) * plane), size);
                combine(scores, maps, plane);
                float[] recon = Arrays.copyOfRange(s.reconstruction(), i * v, (i + 1) * v);
                int m = method.ordinal();
                out.add(new Inspection(scores[m], s.imageTerm()[i], s.featureTerm()[i], recon, maps[m], scores,
                        maps));
            }
        }
        return out;
    }

    /** Fills in the combined score and map, once the parts' statistics are known (left NaN while fitting). */
    private void combine(double[] scores, float[][] maps, int plane) {
        int c = ScoreMethod.COMBINED.ordinal();
        float[] map = new float[plane];
        double sum = 0;
        for (ScoreMethod part : COMBINED_PARTS) {
            MethodStats st = stats.get(part);
            if (st == null) {
                scores[c] = Double.NaN;
                maps[c] = map;
                return;
            }
            sum += st.normalise(scores[part.ordinal()]);
            float[] m = maps[part.ordinal()];
            for (int p = 0; p < plane; p++) {
                map[p] += m[p] / st.mapScale() / COMBINED_PARTS.size();
            }
        }
        scores[c] = sum / COMBINED_PARTS.size();
        maps[c] = map;
    }

    /** Sets the validation statistics of the methods while fitting. */
    void putStats(ScoreMethod m, MethodStats s) {
        stats.put(m, s);
    }

    FAnoGan networks() {
        return networks;
    }

    @Override
    public void close() {
        networks.close();
    }
}
