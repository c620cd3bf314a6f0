package io.ganstudio.core.text;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A problem with a setting, said in the user's language: a key into io/ganstudio/core/text/problems*.properties
 * (English root, Japanese) and the values it names. Values are kept as text so that 0.0002 is never shown as "0"
 * by a locale's number format.
 */
public record Problem(String key, List<String> values) {

    private static final String BUNDLE = "io.ganstudio.core.text.problems";

    public static Problem of(String key, Object... values) {
        return new Problem(key, Arrays.stream(values).map(String::valueOf).toList());
    }

    public String text(Locale locale) {
        // English is the root bundle: never fall back to the JVM's default locale instead of it.
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(values.toArray());
    }

    /** The problems as sentences in the given language. */
    public static List<String> texts(List<Problem> problems, Locale locale) {
        return problems.stream().map(p -> p.text(locale)).toList();
    }
}
