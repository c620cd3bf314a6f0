package io.ganstudio.ui.explore;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/** The Explore screen's words, from io/ganstudio/ui/explore/messages*.properties (English and Japanese). */
public final class ExploreText {

    private static final String BUNDLE = "io.ganstudio.ui.explore.messages";

    private final Supplier<Locale> locale;

    public ExploreText(Locale locale) {
        this(() -> locale);
    }

    /** Follows a language that can change while the app runs (the shell's language switch). */
    public ExploreText(Supplier<Locale> locale) {
        this.locale = locale;
    }

    private ResourceBundle bundle() {
        // English is the root bundle: never fall back to the JVM's default locale instead of it.
        return ResourceBundle.getBundle(BUNDLE, locale.get(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key) {
        return bundle().getString(key);
    }

    public String format(String key, Object... args) {
        return new MessageFormat(bundle().getString(key), locale.get()).format(args);
    }
}
