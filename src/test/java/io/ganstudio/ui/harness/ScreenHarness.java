package io.ganstudio.ui.harness;

import io.ganstudio.core.run.GanConfig;
import io.ganstudio.ui.train.TrainView;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Shows one screen in a window, for screenshots and trying things by hand before the studio shell exists.
 * Arguments: {@code train [ja] [size width batch steps sampleEvery] [--start]} or {@code explore [ja] RUN_DIR}.
 */
public final class ScreenHarness extends Application {

    public static void main(String[] args) {
        launch(ScreenHarness.class, args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        List<String> args = getParameters().getRaw();
        Locale locale = args.contains("ja") ? Locale.JAPANESE : Locale.ENGLISH;
        List<String> numbers = args.stream().filter(a -> a.matches("\\d+")).toList();
        Path runs = Files.createTempDirectory("harness-runs");
        Parent root;
        if (args.get(0).equals("train")) {
            GanConfig config = numbers.size() == 5
                    ? Configs.builtIn(Integer.parseInt(numbers.get(0)), Integer.parseInt(numbers.get(1)),
                    Integer.parseInt(numbers.get(2)), Long.parseLong(numbers.get(3)), Integer.parseInt(numbers.get(4)))
                    : Configs.builtIn(28, 16, 32, 2000, 10);
            TrainView view = new TrainView(() -> config, runs, null, null, locale);
            if (args.contains("--start")) {
                view.viewModel().start();
            }
            String open = args.stream().filter(a -> a.startsWith("--open=")).findFirst().orElse(null);
            if (open != null) {
                view.openRun(Path.of(open.substring(7)));
            }
            root = view;
        } else {
            root = ExploreHarness.view(Path.of(args.get(args.size() - 1)), locale);
        }
        stage.setScene(new Scene(root, 1400, 860));
        stage.setTitle("GAN Studio harness");
        stage.show();
    }
}
