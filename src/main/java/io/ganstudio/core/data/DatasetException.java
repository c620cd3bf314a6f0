package io.ganstudio.core.data;

import io.ganstudio.core.text.Phrase;

/**
 * A dataset could not be loaded; the message says what was wrong and what the user can do about it, in English
 * ({@link #getMessage()}) and in the user's language ({@link #phrase()}).
 */
public class DatasetException extends Exception {

    private final Phrase phrase;

    public DatasetException(Phrase phrase) {
        this(phrase, null);
    }

    public DatasetException(Phrase phrase, Throwable cause) {
        super(phrase.english(), cause);
        this.phrase = phrase;
    }

    /** For text that needs no translation. */
    public DatasetException(String message) {
        this(Phrase.verbatim(message));
    }

    public Phrase phrase() {
        return phrase;
    }
}
