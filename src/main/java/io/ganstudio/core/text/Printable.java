package io.ganstudio.core.text;

/**
 * Text that came from a file someone else made (a lesson's title, its class names), made safe to print on a
 * terminal or show in a label: control characters (the escape that starts a terminal's escape codes, line breaks,
 * bell) and the invisible bidirectional overrides that reorder what a person sees are each replaced by U+FFFD, so
 * nothing they carry can set a window title, clear the screen or hide a part of the text.
 */
public final class Printable {

    private static final char REPLACEMENT = '\uFFFD';

    private Printable() {
    }

    /** The text with every control or bidirectional-override character replaced; null stays null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append(REPLACEMENT);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) // C0 (ESC, BEL, CR, LF...), DEL and C1 (CSI 0x9B...)
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E'
                || c == '\u200F' || c == '\u061C';
    }
}
