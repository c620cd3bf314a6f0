package io.ganstudio.ui.data;

import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.fxutil.Disposable;
import io.ganstudio.ui.fxutil.Subscriptions;
import io.ganstudio.ui.model.ModelViewModel;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** One line under the header: decoding progress with Cancel, a load error, or a size that no longer matches. */
final class DataStatusBanner extends HBox implements Disposable {

    private final Subscriptions subs = new Subscriptions();

    private final DataViewModel vm;
    private final ModelViewModel model;
    private final ProgressBar bar = new ProgressBar();
    private final Label text = new Label();
    private final Button cancel = new Button(Messages.get("action.cancel"));
    private final Button reload = new Button();

    DataStatusBanner(DataViewModel vm, ModelViewModel model) {
        super(12);
        this.vm = vm;
        this.model = model;
        setId("data-banner");
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("banner");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        cancel.setId("cancelLoad");
        cancel.setOnAction(e -> vm.cancel());
        reload.setId("reloadData");
        reload.setOnAction(e -> vm.load(vm.specProperty().get(), model.imageSizeProperty().get()));
        getChildren().addAll(bar, text, reload, cancel);
        for (Observable o : new Observable[] {vm.stateProperty(), vm.errorProperty(), vm.loadedSizeProperty(),
                model.imageSizeProperty()}) {
            subs.onInvalidate(o, x -> refresh());
        }
        refresh();
    }

    private void refresh() {
        DataState s = vm.stateProperty().get();
        Integer want = model.imageSizeProperty().get();
        boolean stale = s == DataState.LOADED && want != null && vm.loadedSizeProperty().get() != want;
        boolean show = s == DataState.LOADING || s == DataState.FAILED || s == DataState.CANCELLED || stale;
        setVisible(show);
        setManaged(show);
        getStyleClass().removeAll("error", "warning");
        show(bar, s == DataState.LOADING);
        show(cancel, s == DataState.LOADING);
        show(reload, stale || s == DataState.FAILED || s == DataState.CANCELLED);
        reload.setText(Messages.get("data.retry"));
        switch (s) {
            case LOADING -> text.setText(Messages.get("data.decoding"));
            case FAILED -> {
                text.setText(vm.errorProperty().get());
                getStyleClass().add("error");
            }
            case CANCELLED -> text.setText(Messages.get("data.cancelled"));
            default -> {
                if (stale) {
                    text.setText(Messages.format("data.stale", vm.loadedSizeProperty().get(), want));
                    reload.setText(Messages.format("data.reloadAt", want));
                    getStyleClass().add("warning");
                }
            }
        }
    }

    private static void show(Node n, boolean visible) {
        n.setVisible(visible);
        n.setManaged(visible);
    }
    @Override
    public void dispose() {
        subs.dispose();
    }
}
