package io.ganstudio.core.text;

import java.util.Locale;
import java.util.ResourceBundle;

/** Reads a resource bundle of the program's words: English is the root bundle, Japanese the one translation. */
public final class Bundles {
    private Bundles() {
    }

    /** The bundle for this language; never the JVM default locale's bundle in place of English. */
    public static ResourceBundle load(String bundle, Locale locale) {
        return ResourceBundle.getBundle(bundle, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
