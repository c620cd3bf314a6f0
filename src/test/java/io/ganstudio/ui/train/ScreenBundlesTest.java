package io.ganstudio.ui.train;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every text of the Train and Explore screens exists in English and Japanese. */
class ScreenBundlesTest {

    @Test
    void englishAndJapaneseHaveTheSameKeys() throws Exception {
        for (String pkg : new String[] {"train", "explore"}) {
            Properties en = load("/io/ganstudio/ui/" + pkg + "/messages.properties");
            Properties ja = load("/io/ganstudio/ui/" + pkg + "/messages_ja.properties");
            assertFalse(en.isEmpty());
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ja.stringPropertyNames()), pkg);
        }
    }

    @Test
    void japaneseIsUsedForJapaneseAndEnglishOtherwise() {
        assertEquals("開始", new TrainText(Locale.JAPANESE).get("button.start"));
        assertEquals("Start", new TrainText(Locale.GERMAN).get("button.start"));
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ScreenBundlesTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
