package io.ganstudio.ui.app;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Chart;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a window shows that does not fit, walked through its scene graph (FX thread): a label, button or cell whose text
 * is cut (an ellipsis, or less text than it holds), texts on top of each other, text beyond the window's edge, a
 * scroll pane wider than its window, and words of the other language.
 */
final class LayoutCheck {

    /** The studio's resource bundles, English at the root and Japanese beside it. */
    private static final List<String> BUNDLES = List.of("io.ganstudio.ui.common.messages",
            "io.ganstudio.ui.explore.messages", "io.ganstudio.ui.inspect.messages", "io.ganstudio.ui.lesson.messages",
            "io.ganstudio.ui.playground.messages", "io.ganstudio.ui.train.messages",
            "io.ganstudio.core.text.messages");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,}");
    private static Set<String> englishOnly;

    private final Scene scene;
    private final boolean japanese;
    private final List<String> problems = new ArrayList<>();
    private final List<Shown> texts = new ArrayList<>();

    private record Shown(Node owner, String text, Bounds box) {
    }

    private LayoutCheck(Scene scene, boolean japanese) {
        this.scene = scene;
        this.japanese = japanese;
    }

    /** The problems of this window's content now, one line each; empty when everything fits. */
    static List<String> problems(Scene scene, boolean japanese) {
        LayoutCheck c = new LayoutCheck(scene, japanese);
        c.walk(scene.getRoot(), new BoundingBox(0, 0, scene.getWidth(), scene.getHeight()));
        c.overlaps();
        return c.problems;
    }

    /** The median font size of the texts of labels, buttons and cells on show, in pixels. */
    static double typicalFontSize(Scene scene) {
        List<Double> sizes = new ArrayList<>();
        collectFonts(scene.getRoot(), sizes);
        if (sizes.isEmpty()) {
            return 0;
        }
        sizes.sort(Double::compare);
        return sizes.get(sizes.size() / 2);
    }

    private static void collectFonts(Node node, List<Double> sizes) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            sizes.add(l.getFont().getSize());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectFonts(c, sizes));
        }
    }

    /** Words of four letters or more that the English bundles use and no Japanese text does. */
    static synchronized Set<String> englishOnlyWords() {
        if (englishOnly == null) {
            Set<String> en = new HashSet<>();
            Set<String> ja = new HashSet<>();
            for (String b : BUNDLES) {
                words(ResourceBundle.getBundle(b, Locale.ROOT, noFallback()), en);
                words(ResourceBundle.getBundle(b, Locale.JAPANESE, noFallback()), ja);
            }
            en.removeAll(ja);
            englishOnly = en;
        }
        return englishOnly;
    }

    private static ResourceBundle.Control noFallback() {
        return ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    }

    private static void words(ResourceBundle bundle, Set<String> into) {
        for (String key : bundle.keySet()) {
            Matcher m = WORD.matcher(bundle.getString(key));
            while (m.find()) {
                into.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** @param clip the part of the scene this node's ancestors let show */
    private void walk(Node node, Bounds clip) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node.getClip() != null) {
            clip = intersect(clip, node.localToScene(node.getClip().getBoundsInParent()));
        }
        if (clip == null) {
            return;
        }
        if (node instanceof Labeled l) {
            labeled(l, clip);
        } else if (node instanceof Text t && !(node.getParent() instanceof Labeled) && !inChart(t)) {
            shown(t, t.getText(), t, clip);
        } else if (node instanceof TextInputControl t) {
            language(t, t.getText());
            language(t, t.getPromptText());
        }
        if (node instanceof ScrollPane s) {
            scroll(s);
        }
        if (node instanceof TabPane tabs) {
            // The menu of the tabs that have no room: the titles do not fit side by side.
            for (Node menu : tabs.lookupAll(".tab-down-button")) {
                if (menu.getParent() != null && menu.isVisible() && menu.getParent().isVisible()
                        && menu.getLayoutBounds().getWidth() > 0) {
                    problems.add("tabs cut: their titles do not fit side by side" + where(tabs));
                    break;
                }
            }
        }
        if (node instanceof Parent p && !(node instanceof TextInputControl)) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, clip);
            }
        }
    }

    private static boolean inChart(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Chart) {
                return true;
            }
        }
        return false;
    }

    private void labeled(Labeled l, Bounds clip) {
        String full = l.getText();
        if (full == null || full.isBlank()) {
            return;
        }
        Text rendered = null;
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.isVisible()) {
                rendered = t;
            }
        }
        if (rendered == null) {
            return; // a graphic-only display, or not laid out: nothing of the text is shown
        }
        String shown = rendered.getText();
        if (!strip(shown, l).equals(strip(full, l))) {
            problems.add("cut: \"" + shown + "\" of \"" + full + "\"" + where(l));
        }
        shown(l, full, rendered, clip);
    }

    /** Without a mnemonic's underscore, and with line breaks and spaces as one space (wrapping moves them). */
    private static String strip(String s, Labeled l) {
        String t = l.isMnemonicParsing() ? s.replace("_", "") : s;
        return t.replaceAll("\\s+", " ").strip();
    }

    private void shown(Node owner, String text, Text glyphs, Bounds clip) {
        if (text == null || text.isBlank()) {
            return;
        }
        language(owner, text);
        Bounds box = intersect(clip, glyphs.localToScene(glyphs.getBoundsInLocal()));
        if (box == null) {
            return; // scrolled out of sight
        }
        if (box.getMaxX() > scene.getWidth() + 1 || box.getMaxY() > scene.getHeight() + 1) {
            problems.add("beyond the window's edge: \"" + text + "\"" + where(owner));
        }
        texts.add(new Shown(owner, text, box));
    }

    private void language(Node owner, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (!japanese && JAPANESE.matcher(text).find()) {
            problems.add("Japanese in English: \"" + text + "\"" + where(owner));
        }
        if (japanese) {
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                if (englishOnlyWords().contains(m.group().toLowerCase(Locale.ROOT))) {
                    problems.add("English in Japanese (" + m.group() + "): \"" + text + "\"" + where(owner));
                    break;
                }
            }
        }
    }

    private void scroll(ScrollPane s) {
        Node content = s.getContent();
        if (content == null || s.getViewportBounds() == null) {
            return;
        }
        double wide = content.getLayoutBounds().getWidth() - s.getViewportBounds().getWidth();
        if (wide > 1 && s.getHbarPolicy() != ScrollPane.ScrollBarPolicy.NEVER) {
            problems.add(String.format(Locale.ROOT, "wider than its window by %.0f px", wide) + where(s));
        }
        // A whole screen that scrolls down: its lower part (a status line, the last chart) is out of the window.
        double tall = content.getLayoutBounds().getHeight() - s.getViewportBounds().getHeight();
        if (tall > 1 && s.getStyleClass().contains("screen-scroll")) {
            problems.add(String.format(Locale.ROOT, "taller than its window by %.0f px", tall) + where(s));
        }
    }

    private void overlaps() {
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Shown a = texts.get(i);
                Shown b = texts.get(j);
                if (related(a.owner, b.owner)) {
                    continue;
                }
                Bounds x = intersect(shrink(a.box), shrink(b.box));
                if (x != null) {
                    problems.add("overlap: \"" + a.text + "\"" + where(a.owner) + " and \"" + b.text + "\""
                            + where(b.owner));
                }
            }
        }
    }

    private static boolean related(Node a, Node b) {
        for (Node p = a; p != null; p = p.getParent()) {
            if (p == b) {
                return true;
            }
        }
        for (Node p = b; p != null; p = p.getParent()) {
            if (p == a) {
                return true;
            }
        }
        return false;
    }

    private static Bounds shrink(Bounds b) {
        return new BoundingBox(b.getMinX() + 1, b.getMinY() + 1, Math.max(0, b.getWidth() - 2),
                Math.max(0, b.getHeight() - 2));
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX > minX && maxY > minY ? new BoundingBox(minX, minY, maxX - minX, maxY - minY) : null;
    }

    /** The node's class and id, and its nearest ancestor with an id. */
    private static String where(Node n) {
        StringBuilder s = new StringBuilder(" [").append(n.getClass().getSimpleName());
        if (n.getId() != null) {
            s.append('#').append(n.getId());
        }
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                s.append(" in #").append(p.getId());
                break;
            }
        }
        return s.append(']').toString();
    }
}
