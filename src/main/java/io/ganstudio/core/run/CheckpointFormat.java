package io.ganstudio.core.run;

import java.util.List;

/**
 * The layout of a checkpoint file ({@code .gsc}), version 1. All numbers are big-endian.
 * <pre>
 *   8 bytes  magic  89 'G' 'S' 'C' 0D 0A 1A 0A  (PNG-style: detects text-mode copies and truncated transfers)
 *   int      format version (1)
 *   int      header length in bytes, then the header: UTF-8 JSON ({@link Header})
 *   float32  the arrays, one after another, in the header's order and lengths
 *   int      CRC-32C of every byte before it
 * </pre>
 * The header is plain JSON so that a person (or a script) can see what a checkpoint holds without the app.
 */
final class CheckpointFormat {

    static final byte[] MAGIC = {(byte) 0x89, 'G', 'S', 'C', 0x0D, 0x0A, 0x1A, 0x0A};
    static final int VERSION = 1;
    /** Bytes before the header plus the checksum after the arrays. */
    static final int FIXED_BYTES = MAGIC.length + 4 + 4 + 4;
    /** A header larger than this is damage, not a real header (a large model's header is a few kB). */
    static final int MAX_HEADER_BYTES = 16 << 20;

    static final String WEIGHTS = "weights";
    static final String GENERATOR_OPTIMIZER = "generatorOptimizer";
    static final String DISCRIMINATOR_OPTIMIZER = "discriminatorOptimizer";

    private CheckpointFormat() {
    }

    /**
     * Everything but the arrays' values. The random generator's spare normal is stored as its raw bits because it
     * is often NaN ("none cached"), which JSON cannot hold.
     */
    record Header(GanConfig config, long step, long discriminatorBatches, double seconds, long noiseState,
                  long noiseSpareBits, long generatorOptimizerStep, long discriminatorOptimizerStep,
                  List<ArrayInfo> arrays) {
    }

    /** One array: which part of the state it belongs to, its name there, and how many floats it has. */
    record ArrayInfo(String section, String name, int length) {
    }
}
