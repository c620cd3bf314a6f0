package io.ganstudio.core.data;

/** A dataset could not be loaded; the message says what was wrong and what the user can do about it. */
public class DatasetException extends Exception {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
