package io.ganstudio.ui.model;

import io.ganstudio.core.model.LayerSpec;
import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** One network as a column of rounded layer boxes joined by arrows, each box with its output shape. */
final class NetworkDiagram extends VBox implements Disposable {

    private final Subscriptions subs = new Subscriptions();

    private final String inputKey;
    private final String outputKey;

    /** inputKey's text takes the input shape as {0}; outputKey names what comes out. */
    NetworkDiagram(String title, String inputKey, String outputKey, ObservableList<LayerSpec> layers) {
        this.inputKey = inputKey;
        this.outputKey = outputKey;
        getStyleClass().add("network-diagram");
        setAlignment(Pos.TOP_CENTER);
        Label heading = new Label(title);
        heading.getStyleClass().add("diagram-title");
        getChildren().add(heading);
        subs.onList(layers, c -> rebuild(heading, layers));
        rebuild(heading, layers);
    }

    private void rebuild(Label heading, ObservableList<LayerSpec> layers) {
        getChildren().setAll(heading);
        if (layers.isEmpty()) {
            Label none = new Label(Messages.get("model.diagram.invalid"));
            none.getStyleClass().add("muted");
            none.setWrapText(true);
            getChildren().add(none);
            return;
        }
        LayerSpec first = layers.get(0);
        String shape = first.inChannels() + " x " + first.inSize() + " x " + first.inSize();
        getChildren().add(endpoint(Messages.format(inputKey, shape)));
        for (LayerSpec layer : layers) {
            getChildren().add(arrow());
            getChildren().add(box(layer));
        }
        getChildren().add(arrow());
        getChildren().add(endpoint(Messages.get(outputKey)));
    }

    private static Label endpoint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("layer-endpoint");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER);
        return l;
    }

    private static Label arrow() {
        Label l = new Label("\u2193");
        l.getStyleClass().add("layer-arrow");
        return l;
    }

    private static VBox box(LayerSpec layer) {
        Label op = new Label(layer.label());
        op.getStyleClass().add("layer-op");
        // On a narrow window (a projector's 1280x800) the label wraps instead of losing its end to an ellipsis.
        op.setWrapText(true);
        op.setTextAlignment(TextAlignment.CENTER);
        Label shape = new Label(layer.outputShape());
        shape.getStyleClass().add("layer-shape");
        VBox b = new VBox(2, op, shape);
        b.setAlignment(Pos.CENTER);
        b.setMaxWidth(Double.MAX_VALUE);
        b.getStyleClass().addAll("layer-box", layer.kind() == LayerSpec.Kind.CONV ? "conv" : "deconv");
        return b;
    }
    @Override
    public void dispose() {
        subs.dispose();
    }
}
