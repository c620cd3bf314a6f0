package io.ganstudio.ui.common;

import io.ganstudio.core.text.Bundles;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * A screen's words from its own resource bundle (English root, Japanese), following a language that can change. Each
 * screen has one subclass over {@code ui/<screen>/messages*.properties}; where each kind of text goes is said in
 * {@code io.ganstudio.core.text}'s package description.
 */
public class BundleText {

    private final String bundle;
    private final Supplier<Locale> locale;

    /** @param locale the current language; a supplier so the shell's language switch is followed */
    protected BundleText(String bundle, Supplier<Locale> locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    private ResourceBundle bundle() {
        return Bundles.load(bundle, locale.get());
    }

    /** The language now in use. */
    public Locale locale() {
        return locale.get();
    }

    public String get(String key) {
        return bundle().getString(key);
    }

    public String format(String key, Object... args) {
        return new MessageFormat(bundle().getString(key), locale.get()).format(args);
    }
}
