package io.ganstudio.ui.playground;

import io.ganstudio.ui.common.BundleText;

import java.util.Locale;
import java.util.function.Supplier;

/** The Playground screen's words, from io/ganstudio/ui/playground/messages*.properties (English and Japanese). */
public final class PlaygroundText extends BundleText {

    private static final String BUNDLE = "io.ganstudio.ui.playground.messages";

    public PlaygroundText(Locale locale) {
        this(() -> locale);
    }

    /** Follows a language that can change while the app runs (the shell's language switch). */
    public PlaygroundText(Supplier<Locale> locale) {
        super(BUNDLE, locale);
    }
}
