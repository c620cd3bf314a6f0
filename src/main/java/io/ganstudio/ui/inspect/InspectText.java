package io.ganstudio.ui.inspect;

import io.ganstudio.ui.common.BundleText;

import java.util.Locale;
import java.util.function.Supplier;

/** The Inspect screen's words, from io/ganstudio/ui/inspect/messages*.properties (English and Japanese). */
public final class InspectText extends BundleText {

    static final String BUNDLE = "io.ganstudio.ui.inspect.messages";

    public InspectText(Supplier<Locale> locale) {
        super(BUNDLE, locale);
    }
}
