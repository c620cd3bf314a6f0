package io.ganstudio.ui.common;

import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.ui.model.ModelPreset;
import io.ganstudio.ui.model.NumberField;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesBundleTest {

    private static Properties read(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/io/ganstudio/ui/common/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndJapaneseHaveTheSameKeysAndNoEmptyValues() throws IOException {
        Properties en = read("messages.properties");
        Properties ja = read("messages_ja.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ja.stringPropertyNames()));
        for (Properties p : List.of(en, ja)) {
            for (String k : p.stringPropertyNames()) {
                assertTrue(!p.getProperty(k).isBlank(), "empty value for " + k);
            }
        }
    }

    @Test
    void japaneseIsReallyTranslated() throws IOException {
        Properties ja = read("messages_ja.properties");
        assertTrue(ja.getProperty("screen.model").chars().anyMatch(c -> c > 0x3000), "Japanese text expected");
    }

    @Test
    void keysBuiltFromCodeExist() throws IOException {
        Properties en = read("messages.properties");
        List<String> keys = new ArrayList<>();
        for (NumberField f : NumberField.values()) {
            keys.add(f.labelKey());
            keys.add(f.labelKey() + ".help");
        }
        for (ModelPreset p : ModelPreset.values()) {
            keys.add(p.labelKey());
        }
        for (Language l : Language.values()) {
            keys.add(l.labelKey());
        }
        for (LossKind k : LossKind.values()) {
            keys.add("loss." + k.name());
        }
        for (Normalization n : Normalization.values()) {
            keys.add("normalization." + n.name());
        }
        for (String k : keys) {
            assertTrue(en.containsKey(k), "missing key " + k);
        }
    }
}
