package io.ganstudio.ui.explain;

import io.ganstudio.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * A screen's "What am I seeing?" panel: a few short headed paragraphs from the resource bundle
 * ({@code explain.<screen>.<n>.heading} and {@code .text}, n = 1, 2, ... until one is missing), and a close button.
 */
public final class ExplanationPanel extends BorderPane {

    /** At most this many paragraphs are looked up per screen. */
    static final int MAX_PARAGRAPHS = 12;
    private final VBox body = new VBox(6);

    public ExplanationPanel(String screenId, Runnable close) {
        setId("explain-panel-" + screenId);
        getStyleClass().add("explain-panel");
        Label title = new Label(Messages.get("explain.title"));
        title.getStyleClass().add("explain-title");
        title.setWrapText(true);
        Button closeButton = new Button("\u2715");
        closeButton.setId("explain-close-" + screenId);
        closeButton.setOnAction(e -> close.run());
        closeButton.setAccessibleText(Messages.get("explain.close"));
        closeButton.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, title, grow, closeButton);
        top.setAlignment(Pos.TOP_LEFT);
        for (Paragraph p : paragraphs(screenId)) {
            Label heading = new Label(p.heading());
            heading.getStyleClass().add("explain-heading");
            heading.setWrapText(true);
            Label text = new Label(p.text());
            text.getStyleClass().add("explain-text");
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            heading.setMinHeight(Region.USE_PREF_SIZE);
            body.getChildren().addAll(heading, text);
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("plain-scroll");
        setTop(top);
        setCenter(scroll);
        setMinWidth(240);
    }

    /** As tall as the whole text wrapped at this width (the scroll pane alone would ask for one line each). */
    @Override
    protected double computePrefHeight(double width) {
        double w = width > 0 ? width : 330;
        double inner = w - snappedLeftInset() - snappedRightInset() - 18; // the scroll bar's room
        return snappedTopInset() + snappedBottomInset() + getTop().prefHeight(inner) + body.prefHeight(inner) + 8;
    }

    /** One headed paragraph. */
    public record Paragraph(String heading, String text) {
    }

    /** The screen's paragraphs in the current language, in order. */
    public static List<Paragraph> paragraphs(String screenId) {
        List<Paragraph> out = new ArrayList<>();
        for (int n = 1; n <= MAX_PARAGRAPHS; n++) {
            String key = "explain." + screenId + "." + n;
            if (!Messages.has(key + ".heading")) {
                break;
            }
            out.add(new Paragraph(Messages.get(key + ".heading"), Messages.get(key + ".text")));
        }
        return out;
    }

}
