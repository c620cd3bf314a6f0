package io.ganstudio.ui.explore;

import io.ganstudio.core.quality.NearestLookup;
import io.ganstudio.ui.fxutil.ArgbFrame;
import io.ganstudio.ui.fxutil.PixelView;
import io.ganstudio.ui.present.PresentationLayout;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;

/** The picked sample beside its nearest training images (pixel space, discriminator features) with distances. */
public final class NearestDialog {

    private static final double TILE = 96;

    private NearestDialog() {
    }

    /** The dialog, not yet shown; FX thread. */
    public static Dialog<Void> create(Window owner, ArgbFrame sample, NearestLookup.Result result, ExploreText text) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("nearest.title"));
        dialog.getDialogPane().setContent(content(sample, result, text));
        // Not ButtonType.CLOSE: its text follows the JVM's language, not the studio's.
        dialog.getDialogPane().getButtonTypes().add(new ButtonType(text.get("nearest.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        PresentationLayout.followInDialog(dialog, text.locale());
        return dialog;
    }

    /** The dialog's content: the sample, then a row per space; built on the FX thread. */
    static VBox content(ArgbFrame sample, NearestLookup.Result result, ExploreText text) {
        VBox box = new VBox(10);
        box.setId("nearestContent");
        box.setPadding(new Insets(10));
        box.getChildren().add(new HBox(10, tile(sample, text.get("nearest.sample")),
                wrapped(text.get("nearest.explain"))));
        box.getChildren().add(new Label(text.get("nearest.pixels")));
        box.getChildren().add(row(result.pixels(), result.imageSize()));
        if (!result.features().isEmpty()) {
            box.getChildren().add(new Label(text.get("nearest.features")));
            box.getChildren().add(row(result.features(), result.imageSize()));
        }
        return box;
    }

    private static Label wrapped(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMaxWidth(460);
        return l;
    }

    private static HBox row(List<NearestLookup.Neighbour> neighbours, int size) {
        HBox row = new HBox(8);
        for (NearestLookup.Neighbour n : neighbours) {
            row.getChildren().add(tile(new ArgbFrame(size, size, n.argb()),
                    String.format(Locale.ROOT, "%.3f", n.distance())));
        }
        return row;
    }

    private static Node tile(ArgbFrame frame, String caption) {
        PixelView view = new PixelView();
        view.setPrefSize(TILE, TILE);
        view.setMinSize(TILE, TILE);
        view.setStyle("-fx-background-color: #3a3a3a;");
        view.show(frame);
        VBox v = new VBox(2, view, new Label(caption));
        v.setAlignment(Pos.CENTER);
        return v;
    }
}
