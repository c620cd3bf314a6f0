package io.ganstudio.ui.explore;

import io.ganstudio.ui.common.BundleText;

import java.util.Locale;
import java.util.function.Supplier;

/** The Explore screen's words, from io/ganstudio/ui/explore/messages*.properties (English and Japanese). */
public final class ExploreText extends BundleText {

    private static final String BUNDLE = "io.ganstudio.ui.explore.messages";

    public ExploreText(Locale locale) {
        this(() -> locale);
    }

    /** Follows a language that can change while the app runs (the shell's language switch). */
    public ExploreText(Supplier<Locale> locale) {
        super(BUNDLE, locale);
    }
}
