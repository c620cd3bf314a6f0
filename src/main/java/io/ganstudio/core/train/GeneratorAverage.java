package io.ganstudio.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.ganstudio.core.engine.PortableOps;
import io.ganstudio.core.model.GanNetworks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exponential moving average of the generator's weights (Yazici et al. 2019; StyleGAN keeps one too): samples
 * from the average are smoother and better than from the last step's weights. The decay warms up as
 * min(decay, (1 + t) / (10 + t)) so the average does not remember the random start. Batch norm's running
 * statistics are averaged in the same way: copied from the trained generator, they follow its last ten or so
 * batches, which do not fit the averaged weights and made the average's samples swing from one checkpoint to the
 * next (docs/training.md). Saved in checkpoints as {@code e.*} beside the
 * trained generator's {@code g.*}; {@link GanNetworks#importGenerator} prefers it.
 */
public final class GeneratorAverage implements AutoCloseable {

    /** Prefix of the average's arrays in a checkpoint's weights. */
    public static final String PREFIX = GanNetworks.AVERAGE_PREFIX;

    private final float decay;
    private final NDManager manager;
    private final GanNetworks networks;
    private final List<Slot> slots = new ArrayList<>();

    public GeneratorAverage(GanNetworks networks, float decay) {
        this.decay = decay;
        this.networks = networks;
        this.manager = networks.manager().newSubManager();
        for (Pair<String, Parameter> p : networks.generator().getParameters()) {
            NDArray raw = p.getValue().getArray();
            NDArray copy = raw.duplicate();
            copy.attach(manager);
            slots.add(new Slot(p.getKey(), raw, copy));
        }
    }

    /**
     * Moves the average towards the generator's current weights; call after each generator update.
     *
     * @param step generator updates done so far, this one included (it sets the warm-up)
     */
    public void update(long step) {
        float d = (float) Math.min(decay, (1.0 + step) / (10.0 + step));
        try (NDManager sub = manager.newSubManager()) {
            for (Slot s : slots) {
                NDArray delta = s.raw.sub(s.average);
                delta.attach(sub);
                PortableOps.muli(delta, 1f - d);
                s.average.addi(delta);
            }
        }
    }

    /** The average as {@code e.<parameter>} arrays. */
    public Map<String, float[]> export() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Slot s : slots) {
            out.put(PREFIX + s.name, s.average.toFloatArray());
        }
        return out;
    }

    /** Restores the average from a checkpoint's weights; without one there, it starts from the generator. */
    public void importFrom(Map<String, float[]> weights) {
        for (Slot s : slots) {
            float[] v = weights.get(PREFIX + s.name);
            if (v == null) {
                s.raw.copyTo(s.average);
            } else {
                s.average.set(v);
            }
        }
    }

    /**
     * Samples from the average: its weights are swapped into the generator for the call and swapped back, so no
     * second network is needed. Call between steps, never while autograd records.
     */
    public float[] sample(float[] latents, int n) {
        return sample(latents, networks.conditional() ? networks.cycle(n) : null, n);
    }

    /** As {@link #sample(float[], int)} with one class per image (null for an unconditional generator). */
    public float[] sample(float[] latents, int[] labels, int n) {
        try (NDManager sub = manager.newSubManager()) {
            List<NDArray> saved = new ArrayList<>();
            for (Slot s : slots) {
                NDArray keep = s.raw.duplicate();
                keep.attach(sub);
                saved.add(keep);
                s.average.copyTo(s.raw);
            }
            try {
                return networks.sample(latents, labels, n);
            } finally {
                for (int i = 0; i < slots.size(); i++) {
                    saved.get(i).copyTo(slots.get(i).raw);
                }
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    private record Slot(String name, NDArray raw, NDArray average) {
    }
}
