package io.ganstudio.ui.harness;

import io.ganstudio.core.game.DiscriminatorGame.Side;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.game.GameWindow;
import io.ganstudio.ui.lesson.LessonText;
import javafx.application.Platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The "You are the discriminator" window on a trained run, for screenshots: {@code RUN en|ja}. After the images are
 * dealt it answers the first pair rightly and the second wrongly, so the picture shows a reveal and the score.
 */
public final class GameShotHarness {

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Path run = Path.of(args[0]);
        Locale locale = args[1].equals("ja") ? Locale.JAPANESE : Locale.ENGLISH;
        Path cache = Files.createTempDirectory("game-cache");
        GameWindow[] w = new GameWindow[1];
        Platform.startup(() -> {
            Messages.use(locale);
            w[0] = GameWindow.show(run, new LessonText(locale), cache);
            w[0].stage().setX(0);
            w[0].stage().setY(0);
        });
        for (int i = 0; i < 100; i++) {
            Thread.sleep(300);
            boolean[] ready = new boolean[1];
            Platform.runLater(() -> ready[0] = w[0].viewModel().game() != null);
            Thread.sleep(50);
            if (ready[0]) {
                break;
            }
        }
        Platform.runLater(() -> {
            var vm = w[0].viewModel();
            vm.answer(vm.game().current().realSide()); // one right...
            vm.next();
            Side real = vm.game().current().realSide();
            vm.answer(real == Side.LEFT ? Side.RIGHT : Side.LEFT); // ...and one fooled, on show

        });
    }
}
