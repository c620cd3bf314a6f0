package io.ganstudio.ui.fxutil;

import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of buttons and labels that goes on in a second line (and a third) when the width runs out, instead of
 * cutting their texts short: presentation mode's large type and Japanese's longer phrases need it at 1280x800. Each
 * child keeps its whole text on one line; a label that wraps ({@link Labeled#isWrapText()}) and is wider than the row
 * takes a line of its own and wraps within it.
 */
public class WrappingRow extends Pane {

    private final double hgap;
    private final double vgap;
    private HPos alignment = HPos.LEFT;

    public WrappingRow(double hgap, double vgap, Node... children) {
        this.hgap = hgap;
        this.vgap = vgap;
        getChildren().addListener((ListChangeListener<Node>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(WrappingRow::keepWhole);
            }
        });
        getChildren().addAll(children);
    }

    /** Where each line's children stand: left (the default) or right. */
    public WrappingRow aligned(HPos alignment) {
        this.alignment = alignment;
        requestLayout();
        return this;
    }

    private static void keepWhole(Node n) {
        if (n instanceof Region r && !(n instanceof Labeled l && l.isWrapText())) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private List<Node> shown() {
        return getManagedChildren();
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        for (Node n : shown()) {
            widest = Math.max(widest, n.minWidth(-1));
        }
        Insets in = getInsets();
        return in.getLeft() + widest + in.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        double sum = 0;
        for (Node n : shown()) {
            sum += (sum > 0 ? hgap : 0) + n.prefWidth(-1);
        }
        Insets in = getInsets();
        return in.getLeft() + sum + in.getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? Double.MAX_VALUE : width - in.getLeft() - in.getRight();
        double height = 0;
        for (Line line : lines(inner)) {
            height += (height > 0 ? vgap : 0) + line.height;
        }
        return in.getTop() + height + in.getBottom();
    }

    private record Placed(Node node, double width, double height) {
    }

    private static final class Line {
        final List<Placed> nodes = new ArrayList<>();
        double width;
        double height;
    }

    private List<Line> lines(double inner) {
        List<Line> lines = new ArrayList<>();
        Line line = null;
        for (Node n : shown()) {
            double w = Math.min(n.prefWidth(-1), Math.max(n.minWidth(-1), inner));
            double h = n.prefHeight(w);
            if (line == null || (!line.nodes.isEmpty() && line.width + hgap + w > inner)) {
                line = new Line();
                lines.add(line);
            }
            line.width += (line.nodes.isEmpty() ? 0 : hgap) + w;
            line.height = Math.max(line.height, h);
            line.nodes.add(new Placed(n, w, h));
        }
        return lines;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double inner = getWidth() - in.getLeft() - in.getRight();
        double y = in.getTop();
        for (Line line : lines(inner)) {
            double x = in.getLeft() + (alignment == HPos.RIGHT ? Math.max(0, inner - line.width) : 0);
            for (Placed p : line.nodes) {
                p.node.resizeRelocate(snapPositionX(x), snapPositionY(y + (line.height - p.height) / 2),
                        snapSizeX(p.width), snapSizeY(p.height));
                x += p.width + hgap;
            }
            y += line.height + vgap;
        }
    }
}
