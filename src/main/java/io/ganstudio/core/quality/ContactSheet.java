package io.ganstudio.core.quality;

import io.ganstudio.core.data.ImageDataset;
import io.ganstudio.core.image.SampleGrid;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Samples beside their nearest training images, one row per sample: the sample, its nearest in pixel space, then
 * (when measured) its nearest in the discriminator's features, each with its distance underneath.
 */
public final class ContactSheet {

    private static final int PAD = 8;
    private static final int LABEL = 16;
    private static final Color BACKGROUND = new Color(0xF4F4F4);
    private static final Color SAMPLE_FRAME = new Color(0x1F6FB5);

    private ContactSheet() {
    }

    /**
     * @param samples the samples (NCHW floats in [-1, 1]) in row order
     * @param matches their neighbours, one per sample
     */
    public static BufferedImage render(SampleImages samples, List<NearestTraining.Match> matches,
                                       ImageDataset real, String title) {
        int k = matches.get(0).pixelIndices().length;
        boolean features = matches.get(0).hasFeatures();
        int side = Math.max(56, samples.size());
        int scale = Math.max(1, side / samples.size());
        side = samples.size() * scale;
        int columns = 1 + k + (features ? k : 0);
        int groupGap = 3 * PAD;
        int width = PAD + columns * (side + PAD) + (features ? groupGap : 0) + groupGap;
        int header = 2 * LABEL + PAD;
        int height = header + matches.size() * (side + LABEL + PAD) + PAD;
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString(title, PAD, LABEL);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            int pixelX = PAD + side + PAD + groupGap;
            g.drawString("sample", PAD, 2 * LABEL + 2);
            g.drawString("nearest training images, pixel space (RMS difference)", pixelX, 2 * LABEL + 2);
            int featureX = pixelX + k * (side + PAD) + groupGap;
            if (features) {
                g.drawString("nearest in the discriminator's features", featureX, 2 * LABEL + 2);
            }
            for (int r = 0; r < matches.size(); r++) {
                int y = header + r * (side + LABEL + PAD);
                NearestTraining.Match m = matches.get(r);
                draw(g, SampleGrid.toArgb(samples.pixels(), r, samples.channels(), samples.size()), samples.size(),
                        scale, PAD, y);
                g.setColor(SAMPLE_FRAME);
                g.drawRect(PAD - 1, y - 1, side + 1, side + 1);
                for (int j = 0; j < k; j++) {
                    int x = pixelX + j * (side + PAD);
                    draw(g, real.argb(m.pixelIndices()[j]), real.imageSize(), scale, x, y);
                    label(g, m.pixelDistances()[j], x, y + side + LABEL - 4);
                    if (features) {
                        int fx = featureX + j * (side + PAD);
                        draw(g, real.argb(m.featureIndices()[j]), real.imageSize(), scale, fx, y);
                        label(g, m.featureDistances()[j], fx, y + side + LABEL - 4);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    private static void label(Graphics2D g, float distance, int x, int y) {
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "%.3f", distance), x, y);
    }

    private static void draw(Graphics2D g, int[] argb, int size, int scale, int x, int y) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, size, size, argb, 0, size);
        g.drawImage(img, x, y, size * scale, size * scale, null);
    }
}
