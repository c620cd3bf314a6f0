package io.ganstudio.ui.common;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The window's font for the language on show. Japanese text drawn in a Latin font falls back to a CJK font that may
 * have no bold face, so every bold heading looked regular: in Japanese the window takes a CJK family with a bold face
 * as its own font (Latin letters included), chosen once from those installed.
 */
public final class UiFonts {

    /** Japanese families with a bold face, in the order tried: Linux (fonts-noto-cjk), macOS, Windows. */
    static final List<String> JAPANESE = List.of("Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans",
            "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo UI", "Meiryo");

    private static final String MARK = "data:text/css;base64,"; // the only style sheets given as data
    private static String japanese;
    private static boolean japaneseLooked;

    private UiFonts() {
    }

    /** The family the window uses for this language, or null where the style sheet's own list serves. */
    public static synchronized String familyFor(Locale locale) {
        if (!"ja".equals(locale.getLanguage())) {
            return null;
        }
        if (!japaneseLooked) {
            japanese = firstWithBold(JAPANESE);
            japaneseLooked = true;
        }
        return japanese;
    }

    /** The first installed family whose bold is a face of its own (not the regular one drawn again), or null. */
    static String firstWithBold(List<String> families) {
        List<String> installed = Font.getFamilies();
        for (String f : families) {
            if (installed.contains(f) && hasBold(f)) {
                return f;
            }
        }
        return null;
    }

    /** True when asking this family for bold gives a bold face of it. */
    public static boolean hasBold(String family) {
        Font bold = Font.font(family, FontWeight.BOLD, 13);
        return bold.getFamily().equals(family) && bold.getStyle().toLowerCase(Locale.ROOT).contains("bold");
    }

    /** Sets the scene's font for this language (again after a language switch); other scenes keep theirs. */
    public static void apply(Scene scene, Locale locale) {
        set(scene.getStylesheets(), ".root", locale);
    }

    /** The same for a dialog, whose window takes no style sheet from its owner. */
    public static void apply(DialogPane pane, Locale locale) {
        set(pane.getStylesheets(), ".dialog-pane", locale);
    }

    private static void set(List<String> sheets, String selector, Locale locale) {
        sheets.removeIf(s -> s.startsWith(MARK));
        String family = familyFor(locale);
        if (family != null) {
            String css = selector + " { -fx-font-family: \"" + family + "\"; }";
            sheets.add(MARK + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
