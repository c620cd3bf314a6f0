package io.ganstudio.core.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** Rewrites a checkpoint's header as a hand edit or a bug could, with a checksum that matches again. */
public final class CheckpointEdits {

    private CheckpointEdits() {
    }

    /** Sets the step inside the header; everything else, the checksum included, stays consistent. */
    public static void setHeaderStep(Path file, long step) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int magic = CheckpointFormat.MAGIC.length;
        ByteBuffer in = ByteBuffer.wrap(b);
        int version = in.getInt(magic);
        int headerBytes = in.getInt(magic + 4);
        int bodyFrom = magic + 8 + headerBytes;
        JsonObject header = JsonParser.parseString(new String(b, magic + 8, headerBytes, StandardCharsets.UTF_8))
                .getAsJsonObject();
        header.addProperty("step", step);
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        int bodyBytes = b.length - 4 - bodyFrom;
        ByteBuffer out = ByteBuffer.allocate(magic + 8 + json.length + bodyBytes + 4);
        out.put(b, 0, magic).putInt(version).putInt(json.length).put(json).put(b, bodyFrom, bodyBytes);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        Files.write(file, out.array());
    }

    /** Marks the file as written by a newer format version (nothing else changes). */
    public static void setNewerFormat(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer.wrap(b).putInt(CheckpointFormat.MAGIC.length, CheckpointFormat.VERSION + 1);
        Files.write(file, b);
    }
}
