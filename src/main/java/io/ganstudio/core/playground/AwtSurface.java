package io.ganstudio.core.playground;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** A {@link Surface} on a Java2D image, for the CLI's PNG (no display needed). */
public final class AwtSurface implements Surface {

    private final BufferedImage image;
    private final Graphics2D g;

    public AwtSurface(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /** The picture as opaque ARGB pixels, row by row. */
    public int[] argb() {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private void colour(int argb) {
        g.setColor(new Color(argb, true));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        colour(argb);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void image(int[] argb, int width, int height, double x, double y, double w, double h) {
        BufferedImage src = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        src.setRGB(0, 0, width, height, argb, 0, width);
        g.drawImage(src, (int) Math.round(x), (int) Math.round(y), (int) Math.round(w), (int) Math.round(h), null);
    }


    @Override
    public void line(double x1, double y1, double x2, double y2, double width, int argb) {
        colour(argb);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n, double width, int argb) {
        colour(argb);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path(xs, ys, n, false));
    }



    @Override
    public void fillCircles(double[] cx, double[] cy, int n, double r, int argb) {
        colour(argb);
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            p.append(new Ellipse2D.Double(cx[i] - r, cy[i] - r, 2 * r, 2 * r), false);
        }
        g.fill(p);
    }

    @Override
    public void lines(double[] xy, int n, double width, int argb) {
        colour(argb);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < n; i++) {
            p.moveTo(xy[4 * i], xy[4 * i + 1]);
            p.lineTo(xy[4 * i + 2], xy[4 * i + 3]);
        }
        g.draw(p);
    }

    @Override
    public void fillQuads(double[] xy, int n, int argb) {
        colour(argb);
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (int i = 0; i < n; i++) {
            p.moveTo(xy[8 * i], xy[8 * i + 1]);
            for (int k = 1; k < 4; k++) {
                p.lineTo(xy[8 * i + 2 * k], xy[8 * i + 2 * k + 1]);
            }
            p.closePath();
        }
        g.fill(p);
    }

    private static Path2D path(double[] xs, double[] ys, int n, boolean close) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        if (close) {
            p.closePath();
        }
        return p;
    }
}
