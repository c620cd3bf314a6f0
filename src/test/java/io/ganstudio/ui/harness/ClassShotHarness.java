package io.ganstudio.ui.harness;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Slider;
import javafx.stage.Window;

import java.util.concurrent.FutureTask;

/**
 * The Explore screen with class controls in use, for the screenshots in docs/latent-lab.md:
 * {@code en|ja RUN_DIR [SLIDER=VALUE] [class=INDEX] [target=INDEX] [blend=T]}: opens the run as
 * {@link StudioShotHarness} does, then (after the run has loaded) moves class-direction slider SLIDER (0-based, in
 * latents.json order) to VALUE, picks the class INDEX of a conditional run, and sets its walk toward class target
 * to T.
 */
public final class ClassShotHarness {

    private ClassShotHarness() {
    }

    public static void main(String[] args) throws Exception {
        StudioShotHarness.main(new String[] {"explore", args[0], args[1]});
        // Waits (up to a minute) until the run has loaded and its controls exist, then sets them.
        for (int attempt = 0; attempt < 60; attempt++) {
            Thread.sleep(1000);
            FutureTask<Boolean> done = new FutureTask<>(() -> apply(args));
            Platform.runLater(done);
            if (done.get()) {
                return;
            }
        }
        System.err.println("the class controls did not appear");
    }

    private static boolean apply(String[] args) {
        for (Window w : Window.getWindows()) {
            Node root = w.getScene() == null ? null : w.getScene().getRoot();
            if (root == null || root.lookup("#classPanel") == null) {
                continue;
            }
            for (int i = 2; i < args.length; i++) {
                String[] kv = args[i].split("=");
                boolean picking = kv[0].equals("class") || kv[0].equals("target") || kv[0].equals("blend");
                Node target = root.lookup(picking ? "#classPicker" : "#classSlider" + kv[0]);
                ChoiceBox<?> picker = (ChoiceBox<?>) root.lookup("#classPicker");
                if (target == null || !target.isVisible() || (picking && picker.getItems().isEmpty())) {
                    return false;
                }
            }
            for (int i = 2; i < args.length; i++) {
                String[] kv = args[i].split("=");
                switch (kv[0]) {
                    case "class" -> ((ChoiceBox<?>) root.lookup("#classPicker")).getSelectionModel()
                            .select(Integer.parseInt(kv[1]));
                    case "target" -> ((ChoiceBox<?>) root.lookup("#classTarget")).getSelectionModel()
                            .select(Integer.parseInt(kv[1]));
                    case "blend" -> ((Slider) root.lookup("#classBlend")).setValue(Double.parseDouble(kv[1]));
                    default -> ((Slider) root.lookup("#classSlider" + kv[0])).setValue(Double.parseDouble(kv[1]));
                }
            }
            return true;
        }
        return false;
    }
}
