package io.ganstudio.ui.app;

import io.ganstudio.ui.common.Language;
import io.ganstudio.ui.common.UiFonts;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Started in Japanese, the window's bold text is drawn with a bold face (the CJK fallback behind a Latin family has
 * none, so headings looked regular); switched to English, the style sheet's own fonts come back.
 */
@ExtendWith(ApplicationExtension.class)
class JapaneseBoldUiTest {

    @TempDir
    static Path cache;
    private final TestStudio studio = new TestStudio();
    private StudioApp app;

    @Start
    void start(Stage stage) {
        app = studio.start(stage, cache, prefs -> prefs.setLanguage(Language.JAPANESE));
    }

    @AfterEach
    void clean() throws Exception {
        studio.close();
    }

    private static Font titleFont(FxRobot robot) {
        return robot.lookup(".screen-title").queryAs(Label.class).getFont();
    }

    @Test
    void boldJapaneseTextHasABoldFace(FxRobot robot) {
        String family = UiFonts.familyFor(Locale.JAPANESE);
        assertNotNull(family, "a Japanese font with a bold face (fonts-noto-cjk on Linux) among " + UiFonts.class
                .getSimpleName() + "'s choices; installed CJK families: " + Font.getFamilies().stream()
                .filter(f -> f.contains("CJK") || f.contains("JP") || f.contains("Gothic")).toList());
        robot.clickOn("#nav-train");
        Label title = robot.lookup(".screen-title").queryAs(Label.class);
        assertTrue(title.getText().chars().anyMatch(c -> c > 0x3000), "Japanese on show: " + title.getText());
        Font font = titleFont(robot);
        assertEquals(family, font.getFamily());
        assertTrue(font.getStyle().toLowerCase(Locale.ROOT).contains("bold"), font.getName() + " is " + font.getStyle());
        assertTrue(UiFonts.hasBold(family));

        // Dialogs take no style sheet from their owner: they are given the font themselves.
        Font[] inDialog = new Font[1];
        robot.interact(() -> {
            DialogPane pane = new DialogPane();
            Label bold = new Label("保存しますか？");
            bold.setStyle("-fx-font-weight: bold;");
            pane.setContent(bold);
            UiFonts.apply(pane, Locale.JAPANESE);
            new Scene(pane);
            pane.applyCss();
            inDialog[0] = bold.getFont();
        });
        assertEquals(family, inDialog[0].getFamily());
        assertTrue(inDialog[0].getStyle().toLowerCase(Locale.ROOT).contains("bold"), inDialog[0].getStyle());

        robot.interact(() -> app.setLanguage(Language.ENGLISH));
        assertNull(UiFonts.familyFor(Locale.ENGLISH));
        assertTrue(!titleFont(robot).getFamily().equals(family), "English keeps the style sheet's Latin font: "
                + titleFont(robot).getFamily());
        assertTrue(titleFont(robot).getStyle().toLowerCase(Locale.ROOT).contains("bold"));
    }
}
