package io.ganstudio.ui.explain;

import io.ganstudio.ui.app.Screens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Japanese texts of the whole studio use the textbook terms (生成器 / 識別器, 潜在変数, 潜在空間, 損失, 学習率,
 * エポック, バッチサイズ, モード崩壊), never a loanword or other variant for the same thing; and every screen has its
 * explanation panel in both languages.
 */
class TerminologyTest {

    private static final Path RESOURCES = Path.of("src/main/resources/io/ganstudio");

    /** A variant, and the textbook term that replaces it. */
    static final Map<Pattern, String> VARIANTS = Map.ofEntries(
            Map.entry(Pattern.compile("ジェネレー?タ"), "生成器"),
            Map.entry(Pattern.compile("ディスクリミネー?タ"), "識別器"),
            Map.entry(Pattern.compile("判別器|弁別器|識別機|判定器"), "識別器"),
            Map.entry(Pattern.compile("生成機|生成ネット(?!ワーク)"), "生成器"),
            Map.entry(Pattern.compile("潜在ベクトル|潜在コード|ラテント|レイテント|潜伏"), "潜在変数 / 潜在空間"),
            // ロス as "loss", not the ロス inside クロス (cross) or グロス.
            Map.entry(Pattern.compile("(?<![クグプブ])ロス(?!ト)"), "損失"),
            Map.entry(Pattern.compile("学習レート|ラーニングレート|学習速度係数"), "学習率"),
            Map.entry(Pattern.compile("エポーク|エポック数目"), "エポック"),
            Map.entry(Pattern.compile("バッチ・サイズ|バッチ数|バッチの大きさ|バッチ size"), "バッチサイズ"),
            Map.entry(Pattern.compile("モードコラプス|モード・コラプス|モード崩れ|モードの崩壊"), "モード崩壊"),
            // One word per concept: training is 学習 and its images 学習画像; a run (one folder of training) is ラン.
            Map.entry(Pattern.compile("訓練|トレーニング"), "学習 / 学習画像"),
            Map.entry(Pattern.compile("学習フォルダー?|実行フォルダー?"), "ランのフォルダー"),
            Map.entry(Pattern.compile("(この|その|別の|前の|条件付きの)(学習|実行)(?![率画ス中済しすさ])|^新しい学習$"),
                    "ラン"),
            Map.entry(Pattern.compile("フォルダ(?!ー)"), "フォルダー"));

    private static List<Path> japaneseBundles() throws IOException {
        try (Stream<Path> s = Files.walk(RESOURCES)) {
            return s.filter(p -> p.getFileName().toString().endsWith("_ja.properties")).sorted().toList();
        }
    }

    private static Properties read(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }

    /** Every variant found in the text, as "variant -> term". */
    static List<String> variantsIn(String text) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<Pattern, String> e : VARIANTS.entrySet()) {
            Matcher m = e.getKey().matcher(text);
            while (m.find()) {
                found.add(m.group() + " -> " + e.getValue());
            }
        }
        return found;
    }

    @Test
    void theCheckCatchesEachKindOfVariantAndLeavesTheTextbookTermsAlone() {
        assertFalse(variantsIn("ジェネレータの出力").isEmpty());
        assertFalse(variantsIn("ディスクリミネーターが判定").isEmpty());
        assertFalse(variantsIn("G のロスが下がる").isEmpty());
        assertFalse(variantsIn("潜在ベクトル z").isEmpty());
        assertFalse(variantsIn("学習レートを下げる").isEmpty());
        assertFalse(variantsIn("モードコラプスが起きた").isEmpty());
        assertFalse(variantsIn("バッチ・サイズ").isEmpty());
        assertFalse(variantsIn("本物の訓練画像").isEmpty());
        assertFalse(variantsIn("フォルダを開く").isEmpty());
        assertFalse(variantsIn("学習フォルダーを開く").isEmpty());
        assertFalse(variantsIn("この実行のチェックポイント").isEmpty());
        assertFalse(variantsIn("この学習のモデルと合いません").isEmpty());
        assertFalse(variantsIn("新しい学習").isEmpty());
        assertEquals(List.of(), variantsIn("生成器と識別器、潜在変数と潜在空間、損失、学習率、エポック、バッチサイズ、モード崩壊、"
                + "クロスエントロピー、グロス、学習画像、ランのフォルダー、このランの学習を再開、ランダム、新しい学習を始める、"
                + "射影を実行中、この学習率"));
    }

    @Test
    void everyJapaneseTextOfTheStudioUsesTheTextbookTerms() throws IOException {
        List<Path> bundles = japaneseBundles();
        assertTrue(bundles.size() >= 6, "the studio's Japanese bundles: " + bundles);
        List<String> problems = new ArrayList<>();
        for (Path bundle : bundles) {
            Properties p = read(bundle);
            for (String key : p.stringPropertyNames()) {
                for (String v : variantsIn(p.getProperty(key))) {
                    problems.add(RESOURCES.relativize(bundle) + " " + key + ": " + v);
                }
            }
        }
        assertEquals(List.of(), problems, "write the textbook term instead");
    }

    @Test
    void everyScreenHasAnExplanationInBothLanguagesWithTheTextbookTerms() throws IOException {
        Properties en = read(RESOURCES.resolve("ui/common/messages.properties"));
        Properties ja = read(RESOURCES.resolve("ui/common/messages_ja.properties"));
        StringBuilder allJa = new StringBuilder();
        for (var screen : Screens.all()) {
            int n = 0;
            while (en.containsKey("explain." + screen.id() + "." + (n + 1) + ".heading")) {
                n++;
                for (String part : List.of(".heading", ".text")) {
                    String key = "explain." + screen.id() + "." + n + part;
                    assertTrue(en.containsKey(key) && ja.containsKey(key), key);
                    assertTrue(ja.getProperty(key).chars().anyMatch(c -> c > 0x3000), "Japanese text for " + key);
                    allJa.append(ja.getProperty(key));
                }
            }
            assertTrue(n >= 3, screen.id() + " has " + n + " paragraphs");
            assertTrue(n <= ExplanationPanel.MAX_PARAGRAPHS, screen.id());
        }
        for (String term : List.of("生成器", "識別器", "潜在変数", "潜在空間", "損失", "学習率", "エポック", "バッチサイズ",
                "モード崩壊")) {
            assertTrue(allJa.indexOf(term) >= 0, "the explanations use " + term);
        }
    }
}
