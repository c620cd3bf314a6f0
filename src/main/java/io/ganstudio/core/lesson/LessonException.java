package io.ganstudio.core.lesson;

import io.ganstudio.core.text.Phrase;

/**
 * A lesson file could not be saved or opened; the message says what was wrong and what to do, in English
 * ({@link #getMessage()}) and in the user's language ({@link #phrase()}). Nothing was changed on disk when it is thrown.
 */
public class LessonException extends Exception {

    private final Phrase phrase;

    public LessonException(Phrase phrase) {
        this(phrase, null);
    }

    public LessonException(Phrase phrase, Throwable cause) {
        super(phrase.english(), cause);
        this.phrase = phrase;
    }

    public Phrase phrase() {
        return phrase;
    }
}
