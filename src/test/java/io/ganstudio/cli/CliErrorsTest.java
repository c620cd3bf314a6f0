package io.ganstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A wrong command line is one clear line on stderr and exit code 2, never a stack trace. */
class CliErrorsTest {

    @TempDir
    Path tmp;

    private static CliRun usageError(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(Cli.USAGE, r.exitCode(), () -> "exit code for " + String.join(" ", args) + "; stderr: " + r.err());
        assertEquals(1, r.errLines(), () -> "one line expected, got: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        return r;
    }

    @Test
    void unknownOptionNamesIt() {
        assertTrue(usageError("train", "--speed", "fast").err().contains("--speed"));
    }

    @Test
    void unknownCommandNamesIt() {
        assertTrue(usageError("trian").err().contains("trian"));
    }

    @Test
    void unsupportedSizeListsTheSupportedOnes() {
        CliRun r = usageError("train", "--size", "30");
        assertTrue(r.err().contains("30") && r.err().contains("64"), r.err());
    }

    @Test
    void negativeLearningRateIsRefused() {
        assertTrue(usageError("train", "--lr-g", "-1").err().contains("learning rate"));
    }

    @Test
    void unknownLossListsTheKnownOnes() {
        CliRun r = usageError("train", "--loss", "foo");
        assertTrue(r.err().contains("foo") && r.err().contains("hinge"), r.err());
    }

    @Test
    void notANumberIsRefused() {
        assertTrue(usageError("train", "--batch", "many").err().contains("--batch"));
    }

    @Test
    void stepsAndEpochsTogetherAreRefused() {
        usageError("train", "--steps", "10", "--epochs", "2");
    }

    @Test
    void missingDataFolderIsRefused() {
        assertTrue(usageError("train", "--data", tmp.resolve("nope").toString()).err().contains("nope"));
    }

    @Test
    void missingRunFolderIsRefused() {
        assertTrue(usageError("generate", "--run", tmp.resolve("no-run").toString()).err().contains("no-run"));
        usageError("interpolate", "--run", tmp.resolve("no-run").toString(), "--gif", "x.gif");
        usageError("train", "--resume", tmp.resolve("no-run").toString());
    }

    @Test
    void folderWithoutConfigIsNotARun() {
        assertTrue(usageError("generate", "--run", tmp.toString()).err().contains("config.json"));
    }

    @Test
    void generateNeedsRunOrCheckpoint() {
        usageError("generate");
        usageError("generate", "--run", "a", "--checkpoint", "b");
    }

    @Test
    void aSettingsUnknownValueSaysWhatItAccepts() {
        assertTrue(usageError("train", "--upsampling", "bilinear").err().contains("use transposed or resize"));
        assertTrue(usageError("train", "--fit", "stretch").err().contains("use resize or pad"));
        assertTrue(usageError("train", "--loss", "wgan").err().contains("use bce, lsgan or hinge"));
    }

    @Test
    void helpListsEveryTrainOption() {
        CliRun r = CliRun.of("train", "--help");
        assertEquals(Cli.OK, r.exitCode());
        for (String option : new String[] {"--data", "--size", "--latent", "--g-width", "--d-width", "--norm",
                "--upsampling", "--loss", "--label-smoothing", "--lr-g", "--lr-d", "--beta1-g", "--beta2-g", "--beta1-d",
                "--beta2-d", "--d-steps", "--batch", "--steps", "--epochs", "--seed", "--sample-every",
                "--checkpoint-every", "--keep-checkpoints", "--out", "--resume", "--cache", "--verbose", "--quiet"}) {
            assertTrue(r.out().contains(option), "help lacks " + option);
        }
        assertTrue(r.out().contains("Default: 0.0002"), r.out());
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"generate", "interpolate", "bench", "info"}) {
            CliRun r = CliRun.of(cmd, "--help");
            assertEquals(Cli.OK, r.exitCode(), cmd);
            assertTrue(r.out().contains("--help"), cmd);
        }
        CliRun top = CliRun.of("--help");
        assertTrue(top.out().contains("train") && top.out().contains("--self-test"), top.out());
    }

    @Test
    void versionIsPrinted() {
        CliRun r = CliRun.of("--version");
        assertEquals(Cli.OK, r.exitCode());
        assertTrue(r.out().startsWith("GAN Studio "), r.out());
    }

    @Test
    void nanAndInfinityAreRefusedByEveryNumericOption() {
        for (String[] args : new String[][] {{"train", "--label-smoothing", "NaN"}, {"train", "--lr-g", "Infinity"},
                {"train", "--beta2-d", "-Infinity"}, {"train", "--epochs", "NaN"}}) {
            CliRun r = CliRun.of(args);
            assertEquals(Cli.USAGE, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("NaN") || r.err().contains("Infinity"), r.err());
        }
    }
}
