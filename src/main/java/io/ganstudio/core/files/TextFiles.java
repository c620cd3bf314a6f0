package io.ganstudio.core.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the text files of a run (config.json, metrics.csv, quality.csv, health.csv, latents.json) and of a lesson.
 * Bytes that are not UTF-8 are refused with the file's name and where they are, instead of the JDK's bare "Input
 * length = 1"; a byte-order mark at the start (which some editors add) is dropped.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** The whole file as UTF-8 text. */
    public static String readUtf8(Path file) throws IOException {
        return decodeUtf8(file.toString(), Files.readAllBytes(file));
    }

    /** The file's lines (split at \n, \r\n or \r, without them), as {@code Files.readAllLines} gives them. */
    public static List<String> readLines(Path file) throws IOException {
        return readUtf8(file).lines().toList();
    }

    /**
     * Decodes bytes that must be UTF-8 text.
     *
     * @param name what the bytes are, for the message (a file, or an entry in one)
     * @throws IOException "NAME is not UTF-8 text (byte offset N); ..." at the first byte that is not UTF-8
     */
    public static String decodeUtf8(String name, byte[] bytes) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new IOException(name + " is not UTF-8 text (byte offset " + in.position() + " is not valid "
                    + "UTF-8); it is damaged or was saved in another encoding: restore it, or save it as UTF-8");
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }
}
