package io.ganstudio.ui.game;

import io.ganstudio.core.game.DiscriminatorGame.Side;
import io.ganstudio.core.game.DiscriminatorGame;
import io.ganstudio.jobs.GameDeal;
import io.ganstudio.ui.lesson.LessonText;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GameViewModelTest {

    private static final int REAL = 0xFF00FF00;
    private static final int FAKE = 0xFFFF0000;

    /** A deal whose real images are all green and fakes all red, so the side of each is visible in the frames. */
    private static GameDeal deal(int rounds) {
        DiscriminatorGame g = new DiscriminatorGame(5, 20, rounds);
        List<int[]> real = new ArrayList<>();
        List<int[]> fake = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            real.add(new int[]{REAL, REAL, REAL, REAL});
            fake.add(new int[]{FAKE, FAKE, FAKE, FAKE});
        }
        return new GameDeal(1500, 2, g, real, fake);
    }

    @Test
    void aRoundShowsTheRealImageOnItsSideThenRevealsAndScores() {
        GameViewModel vm = new GameViewModel(new LessonText(Locale.ENGLISH)::get);
        GameDeal d = deal(3);
        vm.start(d);
        for (int i = 0; i < 3; i++) {
            Side real = d.game().current().realSide();
            assertEquals(REAL, (real == Side.LEFT ? vm.leftProperty() : vm.rightProperty()).get().argb()[0]);
            assertEquals(FAKE, (real == Side.LEFT ? vm.rightProperty() : vm.leftProperty()).get().argb()[0]);
            assertFalse(vm.revealedProperty().get());
            assertNull(vm.realSideProperty().get());
            Side chosen = i == 1 ? (real == Side.LEFT ? Side.RIGHT : Side.LEFT) : real; // wrong in round 2
            vm.answer(chosen);
            vm.answer(chosen); // a second click on a revealed pair changes nothing
            assertTrue(vm.revealedProperty().get());
            assertEquals(real, vm.realSideProperty().get());
            assertEquals(i != 1, vm.lastRightProperty().get());
            assertTrue(vm.feedbackProperty().get().startsWith(i != 1 ? "Right!" : "Fooled!"),
                    vm.feedbackProperty().get());
            vm.next();
        }
        assertEquals(2, vm.game().score());
        assertTrue(vm.finishedProperty().get());
        assertTrue(vm.scoreProperty().get().startsWith("Score 2 of 3"), vm.scoreProperty().get());
        assertTrue(vm.scoreProperty().get().contains("step 1,500"), vm.scoreProperty().get());
        assertTrue(vm.feedbackProperty().get().contains("2 of 3"), vm.feedbackProperty().get());
    }

    @Test
    void aNewGameStartsAfresh() {
        GameViewModel vm = new GameViewModel(new LessonText(Locale.JAPANESE)::get);
        GameDeal first = deal(2);
        vm.start(first);
        vm.answer(Side.LEFT);
        GameDeal second = deal(2);
        vm.start(second);
        assertSame(second.game(), vm.game());
        assertFalse(vm.revealedProperty().get());
        assertEquals("本物はどちら？", vm.feedbackProperty().get());
        assertTrue(vm.scoreProperty().get().startsWith("得点 0 / 0"), vm.scoreProperty().get());
    }

    @Test
    void englishAndJapaneseHaveTheSameKeys() throws Exception {
        Properties en = load("/io/ganstudio/ui/lesson/messages.properties");
        Properties ja = load("/io/ganstudio/ui/lesson/messages_ja.properties");
        assertFalse(en.isEmpty());
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ja.stringPropertyNames()));
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = GameViewModelTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
