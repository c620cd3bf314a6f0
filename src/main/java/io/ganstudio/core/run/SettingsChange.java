package io.ganstudio.core.run;

/**
 * One training setting changed when a run was continued, as config.json's {@code changes} list records it, so a run
 * stays readable: from {@code step} on, {@code setting} (a path in config.json's {@code train} section, such as
 * {@code generatorOptimizer.learningRate}) was {@code to} instead of {@code from}.
 */
public record SettingsChange(long step, String setting, String from, String to) {
}
