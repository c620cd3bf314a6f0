package io.ganstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every numeric option has bounds: a value out of range (too large included: --epochs 1e308 once trained without
 * end) is refused before any work with exit code 2, one line and no stack trace. A new numeric option fails
 * {@link #everyNumericOptionIsCovered} until it has a bound and a case here.
 */
class OptionRangesTest {

    /** Options any value of which is fine: seeds and seed lists. */
    private static final Set<String> ANY_VALUE = Set.of("--seed", "--from", "--to", "--seeds", "--figure-seed",
            "--class");

    @TempDir
    Path tmp;

    /** "command option" -> the arguments that give it a value out of range. */
    private Map<String, String[]> cases() {
        String run = tmp.resolve("no-run").toString();
        Map<String, String[]> c = new LinkedHashMap<>();
        String[][] trainOptions = {
                {"--batch", "100000"}, {"--beta1-d", "1"}, {"--beta1-g", "1.5"}, {"--beta2-d", "1"},
                {"--beta2-g", "-0.1"}, {"--checkpoint-every", "99999999"}, {"--d-steps", "11"},
                {"--d-width", "100000"}, {"--ema", "1.5"}, {"--g-width", "100000"}, {"--keep-checkpoints", "100000"},
                {"--label-smoothing", "0.9"}, {"--latent", "100000"}, {"--limit", "-1"}, {"--lr-d", "5"},
                {"--lr-g", "1e30"}, {"--network-size", "100000"}, {"--sample-every", "99999999"},
                {"--size", "100000"}, {"--steps", "99999999999"}};
        for (String[] o : trainOptions) {
            c.put("train " + o[0], new String[] {"train", o[0], o[1]});
            c.put("lesson save " + o[0], new String[] {"lesson", "save", tmp.resolve("x.ganlesson").toString(), o[0],
                    o[1]});
        }
        c.put("train --epochs", new String[] {"train", "--epochs", "1e308"});
        c.put("train --quality-every", new String[] {"train", "--quality-every", "99999999"});
        c.put("lesson train --steps", new String[] {"lesson", "train", tmp.resolve("x.ganlesson").toString(),
                "--steps", "99999999999"});
        c.put("generate -n", new String[] {"generate", "--run", run, "-n", "100000"});
        c.put("generate --truncation", new String[] {"generate", "--run", run, "--truncation", "NaN"});
        c.put("interpolate --frames", new String[] {"interpolate", "--run", run, "--frames", "100000"});
        c.put("interpolate --fps", new String[] {"interpolate", "--run", run, "--fps", "1000"});
        c.put("bench --warmup", new String[] {"bench", "--warmup", "99999999"});
        c.put("bench --steps", new String[] {"bench", "--steps", "99999999"});
        c.put("bench --latency-calls", new String[] {"bench", "--latency-calls", "999999999"});
        c.put("bench --check-steps", new String[] {"bench", "--gpu-check", "--check-steps", "99999999"});
        c.put("bench --memory-steps", new String[] {"bench", "--memory", "--memory-steps", "99999999999"});
        c.put("directions --samples", new String[] {"directions", "--run", run, "--samples", "99999999"});
        c.put("directions --effect", new String[] {"directions", "--run", run, "--effect", "99999999"});
        c.put("evaluate --samples", new String[] {"evaluate", "--run", run, "--samples", "999999999"});
        c.put("evaluate --nearest", new String[] {"evaluate", "--run", run, "--nearest", "1000"});
        c.put("evaluate --nearest-rows", new String[] {"evaluate", "--run", run, "--nearest-rows", "1000"});
        c.put("evaluate --real-limit", new String[] {"evaluate", "--run", run, "--real-limit", "1"});
        c.put("evaluator train --epochs", new String[] {"evaluator", "train", "--epochs", "1000"});
        c.put("project --steps", new String[] {"project", "--run", run, "--image", "x.png", "--steps", "99999999"});
        c.put("project --measure", new String[] {"project", "--run", run, "--held-out", "x", "--measure",
                "99999999"});
        c.put("arithmetic --noise", new String[] {"arithmetic", "--run", run, "--a", "1", "--b", "2", "--c", "3",
                "--noise", "Infinity"});
        c.put("anomaly fit --steps", new String[] {"anomaly", "fit", "--run", run, "--steps", "99999999"});
        c.put("anomaly fit --validation", new String[] {"anomaly", "fit", "--run", run, "--validation", "1"});
        c.put("anomaly fit --percentile", new String[] {"anomaly", "fit", "--run", run, "--percentile", "1000"});
        c.put("anomaly score --percentile", new String[] {"anomaly", "score", "--run", run, "--data", run, "--csv",
                "x.csv", "--percentile", "1000"});
        c.put("anomaly protocol --gan-steps", new String[] {"anomaly", "protocol", "--class", "0", "--gan-steps", "99999999999"});
        c.put("anomaly protocol --encoder-steps", new String[] {"anomaly", "protocol", "--class", "0", "--encoder-steps",
                "99999999"});
        c.put("playground --steps", new String[] {"playground", "--steps", "99999999"});
        c.put("playground --every", new String[] {"playground", "--every", "-1"});
        c.put("playground --bench", new String[] {"playground", "--bench", "1e308"});
        c.put("playground --png-size", new String[] {"playground", "--png", tmp.resolve("p.png").toString(),
                "--png-size", "99999999"});
        for (String o : List.of("--d-layers", "--g-layers", "--d-neurons", "--g-neurons", "--d-steps", "--g-steps",
                "--noise-dim")) {
            c.put("playground " + o, new String[] {"playground", o, "1000"});
        }
        c.put("playground --d-lr", new String[] {"playground", "--d-lr", "1e308"});
        c.put("playground --g-lr", new String[] {"playground", "--g-lr", "-1"});
        c.put("playground --penalty", new String[] {"playground", "--penalty", "12"});
        c.put("playground --measure", new String[] {"playground", "--measure", "1000"});
        return c;
    }

    @Test
    void everyNumericOptionIsCovered() {
        Set<String> missing = new TreeSet<>();
        Set<String> known = cases().keySet();
        walk(Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), known,
                missing);
        assertTrue(missing.isEmpty(), "numeric options without a bound (or without a case here): " + missing);
    }

    private static void walk(CommandLine cmd, Set<String> known, Set<String> missing) {
        String command = cmd.getCommandSpec().qualifiedName().replaceFirst("^gan-studio ?", "");
        for (OptionSpec o : cmd.getCommandSpec().options()) {
            Class<?> t = o.type();
            boolean numeric = t.isPrimitive() && t != boolean.class || Number.class.isAssignableFrom(t);
            if (numeric && !ANY_VALUE.contains(o.longestName()) && !known.contains(command + " " + o.longestName())) {
                missing.add(command + " " + o.longestName());
            }
        }
        cmd.getSubcommands().values().forEach(s -> walk(s, known, missing));
    }

    @Test
    void outOfRangeValuesAreOneLineBeforeAnyWork() {
        List<String> wrong = new ArrayList<>();
        for (var e : cases().entrySet()) {
            long start = System.nanoTime();
            CliRun r = CliRun.of(e.getValue());
            double seconds = (System.nanoTime() - start) / 1e9;
            String[] args = e.getValue();
            String option = args[args.length - 2];
            String value = args[args.length - 1];
            // The line is about this value: it names the option, or (for the settings ModelConfig, TrainConfig and
            // PlaygroundConfig check) the value as given or as a number.
            boolean named = r.err().contains(option) || r.err().contains(value)
                    || r.err().contains(String.valueOf(Double.parseDouble(value)))
                    || r.err().contains(String.valueOf((float) Double.parseDouble(value)));
            boolean ok = r.exitCode() == Cli.USAGE && r.errLines() >= 1 && named && !r.err().contains("Exception")
                    && !r.err().contains("\tat ") && seconds < 20;
            if (!ok) {
                wrong.add(e.getKey() + " -> exit " + r.exitCode() + " in " + seconds + " s: " + r.err().strip());
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void theLineNamesTheRange() {
        CliRun epochs = CliRun.of("train", "--epochs", "1e308");
        assertEquals(Cli.USAGE, epochs.exitCode(), epochs.err());
        assertTrue(epochs.err().contains("--epochs must be above 0 and at most 100,000, not 1.0E308"), epochs.err());
        CliRun steps = CliRun.of("train", "--steps", "99999999999");
        assertTrue(steps.err().contains("--steps must be between 1 and 10,000,000, not 99999999999"), steps.err());
        CliRun keep = CliRun.of("train", "--keep-checkpoints", "0");
        assertTrue(keep.err().contains("--keep-checkpoints must be between 1 and 1,000, not 0"), keep.err());
        assertFalse(CliRun.of("bench", "--warmup", "-1").err().contains("--steps"));
    }

    @Test
    void epochsThatMakeTooManyStepsAreRefused() {
        CliRun r = CliRun.of("train", "--epochs", "100000", "--batch", "2", "--size", "16", "--quiet", "--cache",
                tmp.resolve("cache").toString(), "--out", tmp.resolve("run").toString());
        assertEquals(Cli.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("--epochs 100000.0 would be 500,000,000 steps"), r.err());
        assertFalse(Files.exists(tmp.resolve("run/config.json")));
    }
}
