package io.ganstudio.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import io.ganstudio.core.bench.TrainingBenchmark;
import io.ganstudio.core.engine.EngineChoice;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `bench --engine both`: the training benchmark once per engine, each in a JVM of its own (DJL loads one engine per
 * process), one after the other, read back from the child's `--json`.
 */
final class EngineComparison {

    private static final Gson READER = new GsonBuilder().setStrictness(Strictness.LENIENT).create();

    private EngineComparison() {
    }

    /**
     * Runs {@code bench --engine <engine> --json} plus {@code benchArgs} in a child JVM; its progress lines go to
     * {@code err}, each marked with the engine.
     *
     * @throws IllegalStateException when the child fails, with its last line
     */
    static TrainingBenchmark.Result run(EngineChoice engine, List<String> benchArgs, PrintWriter err)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true",
                "-cp", System.getProperty("java.class.path"), Cli.class.getName(),
                "bench", "--engine", engine.id(), "--json"));
        command.addAll(benchArgs);
        Process p = new ProcessBuilder(command).start();
        String[] lastLine = {""};
        Thread progress = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank()) {
                        lastLine[0] = line;
                        synchronized (err) {
                            err.println("[" + engine.id() + "] " + line);
                            err.flush();
                        }
                    }
                }
            } catch (IOException e) {
                synchronized (err) {
                    err.println("[" + engine.id() + "] (its messages could not be read: " + e.getMessage() + ")");
                }
            }
        }, "bench-" + engine.id());
        progress.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        progress.join();
        if (code != 0) {
            throw new IllegalStateException("the " + engine.djlName() + " benchmark failed (exit code " + code + "): "
                    + lastLine[0]);
        }
        return parse(engine, out);
    }

    /** The result in a child's standard output: the JSON object `bench --json` prints (NaN where not measured). */
    static TrainingBenchmark.Result parse(EngineChoice engine, String out) {
        int start = out.indexOf('{');
        int end = out.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalStateException("the " + engine.djlName() + " benchmark printed no result");
        }
        try {
            return READER.fromJson(out.substring(start, end + 1), TrainingBenchmark.Result.class);
        } catch (JsonParseException e) {
            throw new IllegalStateException("the " + engine.djlName() + " benchmark's result could not be read: "
                    + e.getMessage(), e);
        }
    }
}
