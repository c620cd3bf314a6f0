package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

import java.nio.file.Path;

/** A file that was not used, and why, said in the user's language ({@link #reason()} is the English). */
public record SkippedFile(Path path, Phrase why) {

    public String reason() {
        return why.english();
    }
}
