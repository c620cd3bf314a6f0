package io.ganstudio.ui.explore;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The Explore screen's words, from io/ganstudio/ui/explore/messages*.properties (English and Japanese). */
public final class ExploreText {

    private final ResourceBundle bundle;
    private final Locale locale;

    public ExploreText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("io.ganstudio.ui.explore.messages", locale);
    }

    public String get(String key) {
        return bundle.getString(key);
    }

    public String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
