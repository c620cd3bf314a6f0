package io.ganstudio.ui.common;

import java.util.Locale;

/** The language the user picked in View > Language; SYSTEM follows the operating system. */
public enum Language {
    SYSTEM(null, "language.system"),
    ENGLISH(Locale.ENGLISH, "language.english"),
    JAPANESE(Locale.JAPANESE, "language.japanese");

    private final Locale locale;
    private final String labelKey;

    Language(Locale locale, String labelKey) {
        this.locale = locale;
        this.labelKey = labelKey;
    }

    /** The locale to load texts for; the OS locale for SYSTEM. */
    public Locale locale(Locale system) {
        return locale == null ? system : locale;
    }

    public String labelKey() {
        return labelKey;
    }

    public static Language parse(String name) {
        for (Language l : values()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        return SYSTEM;
    }
}
