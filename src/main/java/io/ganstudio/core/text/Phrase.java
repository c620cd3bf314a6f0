package io.ganstudio.core.text;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Something the core says to a person (a problem with a setting, what training is doing, why it stopped), in the
 * person's language: a key into io/ganstudio/core/text/messages*.properties (English root, Japanese) and the values
 * it names. Values are kept as text so that 0.0002 is never shown as "0" by a locale's number format.
 */
public record Phrase(String key, List<String> values) {

    private static final String BUNDLE = "io.ganstudio.core.text.messages";

    public static Phrase of(String key, Object... values) {
        return new Phrase(key, Arrays.stream(values).map(String::valueOf).toList());
    }

    public String text(Locale locale) {
        return new MessageFormat(Bundles.load(BUNDLE, locale).getString(key), locale).format(values.toArray());
    }

    /** The phrase in English, for the command line and logs. */
    public String english() {
        return text(Locale.ENGLISH);
    }

    /** Text that needs no translation (a file name, an operating system's message), shown as it is. */
    public static Phrase verbatim(String text) {
        return of("verbatim", text);
    }

    /** The phrases as sentences in the given language. */
    public static List<String> texts(List<Phrase> phrases, Locale locale) {
        return phrases.stream().map(p -> p.text(locale)).toList();
    }
}
