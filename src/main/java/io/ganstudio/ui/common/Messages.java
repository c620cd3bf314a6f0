package io.ganstudio.ui.common;

import io.ganstudio.core.text.Bundles;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The shell's words shared by several screens (menus, dialogs, the status bar), from ui/common/messages*.properties;
 * a screen's own words are in its BundleText (see {@code io.ganstudio.core.text}'s package description). The bundle is chosen once per UI build,
 * so switching the language rebuilds the views (their ViewModels, and so the user's work, stay).
 */
public final class Messages {

    private static final String BUNDLE = "io.ganstudio.ui.common.messages";
    private static volatile ResourceBundle bundle = load(Locale.getDefault());

    private Messages() {
    }

    public static ResourceBundle load(Locale locale) {
        return Bundles.load(BUNDLE, locale);
    }

    public static void use(Locale locale) {
        bundle = load(locale);
    }

    public static Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    public static String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug the bundle test catches; show the key rather than crash the window.
            return "!" + key + "!";
        }
    }

    /** Whether the current bundle has this key (texts with an open-ended number of parts). */
    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    public static String format(String key, Object... args) {
        MessageFormat f = new MessageFormat(get(key), locale());
        return f.format(args);
    }
}
