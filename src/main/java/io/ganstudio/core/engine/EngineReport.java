package io.ganstudio.core.engine;

import java.util.Map;

/** What {@link EngineSetup} found and set, for `info`, `--verbose` and the studio's status bar. */
public record EngineReport(String engine, String version, int cores, int threads, String waitPolicy,
                           Map<String, String> environment, double loadSeconds,
                           String chosen) {

    /** One line for a status bar, e.g. "MXNet 1.9.0, 2 threads". */
    public String summary() {
        return engine + " " + version + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    /** Several lines, one fact each, for `info` and `--verbose`. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("engine:        ").append(engine).append(' ').append(version).append(" (chosen: ").append(chosen)
                .append("; --engine mxnet|pytorch|auto)").append('\n');
        sb.append("cpu cores:     ").append(cores).append('\n');
        sb.append("threads:       ").append(threads).append(" (wait policy ").append(waitPolicy).append(")\n");
        sb.append("offline:       ai.djl.offline=").append(System.getProperty("ai.djl.offline"))
                .append(", OPT_OUT_TRACKING=").append(System.getProperty("OPT_OUT_TRACKING")).append('\n');
        environment.forEach((k, v) -> sb.append("env set:       ").append(k).append('=').append(v).append('\n'));
        sb.append(String.format("engine load:   %.2f s%n", loadSeconds));
        return sb.toString();
    }
}
