package io.ganstudio.core.anomaly;

import io.ganstudio.core.ReaderSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encoder files whose header declares impossible arrays or numbers are refused before anything is allocated. */
class EncoderFileLimitsTest {

    private static final byte[] WEIGHTS = ByteBuffer.allocate(5 * Float.BYTES).putFloat(0.1f).putFloat(0.2f)
            .putFloat(0.3f).putFloat(1f).putFloat(-1f).array();

    private static String refused(Path run, String header, byte[] payload) throws IOException {
        Files.createDirectories(EncoderFile.path(run).getParent());
        Files.write(EncoderFile.path(run), ReaderSamples.encoderBytes(header, payload));
        return ReaderSamples.refusal(IOException.class,
                ReaderSamples.allocating(16L << 20, () -> EncoderFile.read(run)));
    }

    @Test
    void theAppsOwnFileIsRead(@TempDir Path run) throws Exception {
        ReaderSamples.encoder(run);
        assertEquals(2, EncoderFile.read(run).weights().size());
        // The same file written by the test's layout reads the same: the refusals below differ only in the header.
        Files.write(EncoderFile.path(run), ReaderSamples.encoderBytes(ReaderSamples.encoderHeader(
                "[{\"name\":\"a\",\"length\":3},{\"name\":\"b\",\"length\":2}]", "0.7"), WEIGHTS));
        assertEquals(0.7, EncoderFile.read(run).threshold().value());
    }

    @Test
    void hugeArrayLengthsThatSumToTheFileAreRefused(@TempDir Path run) throws Exception {
        // 2^30 floats (4 GiB) and a negative length that makes the total match the 20-byte payload.
        String m = refused(run, ReaderSamples.encoderHeader("[{\"name\":\"a\",\"length\":1073741824},"
                + "{\"name\":\"b\",\"length\":-1073741819}]", "0.7"), WEIGHTS);
        assertTrue(m.contains("list of weights is damaged"), m);
        m = refused(run, ReaderSamples.encoderHeader("[{\"name\":\"a\",\"length\":268435456}]", "0.7"),
                WEIGHTS);
        assertTrue(m.contains("length does not match"), m);
    }

    @Test
    void negativeOrMissingArraysAreRefused(@TempDir Path run) throws Exception {
        assertTrue(refused(run, ReaderSamples.encoderHeader("[{\"name\":\"a\",\"length\":-1}]", "0.7"),
                new byte[0]).contains("damaged"));
        assertTrue(refused(run, ReaderSamples.encoderHeader("[null]", "0.7"), new byte[0]).contains("damaged"));
        assertTrue(refused(run, ReaderSamples.encoderHeader("[{\"length\":5}]", "0.7"), WEIGHTS)
                .contains("damaged"));
        String noScores = ReaderSamples.encoderHeader("[{\"name\":\"a\",\"length\":5}]", "0.7")
                .replace("\"validationScores\":[0.5,0.7]", "\"validationScores\":null");
        assertTrue(refused(run, noScores, WEIGHTS).contains("incomplete"));
        String noLosses = ReaderSamples.encoderHeader("[{\"name\":\"a\",\"length\":5}]", "0.7")
                .replace("\"losses\":[1.0,0.5]", "\"losses\":null");
        assertTrue(refused(run, noLosses, WEIGHTS).contains("incomplete"));
    }

    @Test
    void aThresholdThatIsNotANumberIsRefused(@TempDir Path run) throws Exception {
        String one = "[{\"name\":\"a\",\"length\":5}]";
        String m = refused(run, ReaderSamples.encoderHeader(one, "NaN"), WEIGHTS);
        assertTrue(m.contains("threshold NaN is not a number"), m);
        assertTrue(refused(run, ReaderSamples.encoderHeader(one, "Infinity"), WEIGHTS).contains("threshold"));
        String nanScore = ReaderSamples.encoderHeader(one, "0.7").replace("[0.5,0.7]", "[0.5,NaN]");
        assertTrue(refused(run, nanScore, WEIGHTS).contains("validation score"));
    }
}
