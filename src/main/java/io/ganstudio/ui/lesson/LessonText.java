package io.ganstudio.ui.lesson;

import io.ganstudio.ui.common.BundleText;

import java.util.Locale;
import java.util.function.Supplier;

/** The lesson dialogs' and the discriminator game's words, from io/ganstudio/ui/lesson/messages*.properties. */
public final class LessonText extends BundleText {

    private static final String BUNDLE = "io.ganstudio.ui.lesson.messages";

    public LessonText(Supplier<Locale> locale) {
        super(BUNDLE, locale);
    }

    public LessonText(Locale locale) {
        this(() -> locale);
    }
}
