package io.ganstudio.core.text;

import io.ganstudio.core.model.ModelConfig;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.TrainConfig;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhraseTest {

    @Test
    void settingProblemsAreSaidInEnglishAndJapanese() {
        ModelConfig bad = new ModelConfig(30, 3, 100, 64, 64, Normalization.BATCH_NORM);
        assertEquals(List.of("image size 30 is not supported: choose one of [16, 28, 32, 64, 128]"), bad.problems());
        String ja = bad.problems(Locale.JAPANESE).get(0);
        assertTrue(ja.startsWith("画像サイズ 30 には対応していません"), ja);

        TrainConfig t = TrainConfig.defaults().withBatchSize(1);
        assertTrue(t.problems(Locale.JAPANESE).get(0).contains("バッチサイズ"), t.problems(Locale.JAPANESE).toString());
    }

    @Test
    void smallNumbersAreNotRoundedAwayByTheLocaleFormat() {
        // MessageFormat would print a Number with the locale's 3 fraction digits: -0.00002 as "-0".
        var lr = new TrainConfig.AdamSettings(-2e-5f, 0.5f, 0.999f);
        TrainConfig t = new TrainConfig(LossKind.BCE, 0f, lr, lr, 1, 64, 1, 10, 1, 1, 1, 4);
        assertTrue(t.problems().get(0).endsWith("not -2.0E-5"), t.problems().toString());
        assertTrue(t.problems(Locale.JAPANESE).get(0).contains("-2.0E-5"), t.problems(Locale.JAPANESE).toString());
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws Exception {
        assertEquals(keys("messages.properties"), keys("messages_ja.properties"));
    }

    private static Set<Object> keys(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Phrase.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        p.values().forEach(v -> assertTrue(!v.toString().isBlank()));
        return p.keySet();
    }
}
