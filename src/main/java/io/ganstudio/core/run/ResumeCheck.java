package io.ganstudio.core.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.TrainConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What may change when a run is continued, and what was changed. The optimizer, the loss and the schedule may change
 * (weights and Adam moments carry over); what sets the networks' shapes, the data, the seed and the sample grid may
 * not, each refused with the reason.
 */
public final class ResumeCheck {

    /** Paths in config.json's train section that a resume may change. */
    public static final Set<String> CHANGEABLE = Set.of("loss", "labelSmoothing",
            "generatorOptimizer.learningRate", "generatorOptimizer.beta1", "generatorOptimizer.beta2",
            "discriminatorOptimizer.learningRate", "discriminatorOptimizer.beta1", "discriminatorOptimizer.beta2",
            "discriminatorSteps", "batchSize", "sampleEvery", "checkpointEvery", "keepCheckpoints", "steps");

    private ResumeCheck() {
    }

    /** Why {@code requested} cannot continue the run saved with {@code saved}; empty when it can. */
    public static List<Phrase> refused(GanConfig saved, GanConfig requested) {
        List<Phrase> p = new ArrayList<>();
        if (!Objects.equals(saved.data(), requested.data())) {
            p.add(Phrase.of("resume.refused.data"));
        }
        for (String key : differing(flatten(saved.model()), flatten(requested.model()))) {
            if (!key.equals("channels")) { // taken from the data, checked against it once the data is loaded
                p.add(Phrase.of("resume.refused.shape", "model." + key));
            }
        }
        for (String key : differing(flatten(saved.train()), flatten(requested.train()))) {
            if (key.equals("seed")) {
                p.add(Phrase.of("resume.refused.seed"));
            } else if (key.equals("gridSize")) {
                p.add(Phrase.of("resume.refused.gridSize"));
            } else if (!CHANGEABLE.contains(key)) {
                p.add(Phrase.of("resume.refused.other", "train." + key));
            }
        }
        return p;
    }

    /** The training settings that differ, as config.json's changes list records them (the target steps excluded). */
    public static List<SettingsChange> changes(TrainConfig from, TrainConfig to, long step) {
        Map<String, String> a = flatten(from);
        Map<String, String> b = flatten(to);
        List<SettingsChange> out = new ArrayList<>();
        for (String key : differing(a, b)) {
            if (!key.equals("steps")) {
                out.add(new SettingsChange(step, key, a.get(key), b.get(key)));
            }
        }
        return out;
    }

    private static List<String> differing(Map<String, String> a, Map<String, String> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys.stream().filter(k -> !Objects.equals(a.get(k), b.get(k))).toList();
    }

    /** Every leaf of a settings record as "path" -> JSON text, through the same Gson that writes config.json. */
    static Map<String, String> flatten(Object settings) {
        Map<String, String> out = new LinkedHashMap<>();
        if (settings != null) {
            flatten("", GanJson.compact().toJsonTree(settings), out);
        }
        return out;
    }

    private static void flatten(String prefix, JsonElement e, Map<String, String> out) {
        if (e instanceof JsonObject o) {
            for (Map.Entry<String, JsonElement> entry : o.entrySet()) {
                flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), out);
            }
        } else {
            out.put(prefix, e.isJsonPrimitive() ? e.getAsString() : e.toString());
        }
    }
}
