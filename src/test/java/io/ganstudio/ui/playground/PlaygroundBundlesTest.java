package io.ganstudio.ui.playground;

import io.ganstudio.core.playground.Loss;
import io.ganstudio.core.playground.Phase;
import io.ganstudio.core.playground.PlaygroundConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Playground's words: the same keys in English and Japanese, every key the code builds, valid formats. */
class PlaygroundBundlesTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = PlaygroundBundlesTest.class.getResourceAsStream("/io/ganstudio/ui/playground/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndJapaneseHaveTheSameKeysAndEveryKeyTheCodeBuilds() throws Exception {
        Properties en = load("messages.properties");
        Properties ja = load("messages_ja.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ja.stringPropertyNames()));
        List<String> built = new ArrayList<>();
        for (DataSource s : DataSource.values()) {
            built.add(s.labelKey());
        }
        for (Loss l : Loss.values()) {
            built.add("loss." + l.cliName());
        }
        for (PlaygroundConfig.Optimizer o : PlaygroundConfig.Optimizer.values()) {
            built.add("optimizer." + o.name().toLowerCase(Locale.ROOT));
        }
        for (String n : List.of("1-uniform", "1-gaussian", "2-uniform", "2-gaussian")) {
            built.add("noise." + n);
        }
        for (String side : List.of("d", "g")) {
            built.add("explain.title." + side);
            for (Phase p : Phase.values()) {
                built.add("explain." + side + "." + p.name().toLowerCase(Locale.ROOT));
            }
        }
        for (String k : built) {
            assertTrue(en.containsKey(k), "missing key " + k);
        }
        for (Properties p : List.of(en, ja)) {
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                assertTrue(!v.isBlank(), k);
                // Texts with values and the explanations go through MessageFormat: an apostrophe is written ''.
                // The others are shown as they are: a doubled apostrophe would show twice.
                if (v.contains("{") || k.startsWith("explain.")) {
                    new MessageFormat(v, Locale.ENGLISH).format(new Object[] {1, 2, 3, 4});
                    assertTrue(v.replace("''", "").indexOf('\'') < 0, "single apostrophe in " + k);
                } else {
                    assertTrue(!v.contains("''"), "doubled apostrophe in " + k);
                }
            }
        }
    }

    @Test
    void japaneseIsUsedForJapaneseAndEnglishOtherwise() {
        assertEquals("リセット", new PlaygroundText(Locale.JAPANESE).get("button.reset"));
        assertEquals("Reset", new PlaygroundText(Locale.GERMAN).get("button.reset"));
    }
}
