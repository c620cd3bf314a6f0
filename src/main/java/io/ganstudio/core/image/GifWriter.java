package io.ganstudio.core.image;

import io.ganstudio.core.files.AtomicFiles;
import io.ganstudio.core.run.HistoryGif;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Animated GIFs (training history, latent walks) with javax.imageio's own GIF writer: each frame carries a
 * graphic-control extension with its delay, and the first the NETSCAPE2.0 extension that makes viewers loop forever.
 * Colours are reduced to 256 per frame by the writer; grey images stay exact.
 */
public final class GifWriter {

    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private GifWriter() {
    }

    /**
     * @param frames  opaque ARGB frames, all width*height pixels
     * @param delayMs time each frame shows; GIF counts hundredths of a second, and most viewers treat less than
     *                20 ms as 100 ms, so shorter delays are raised to 20 ms
     * @param scale   integer upscale (nearest neighbour) for tiny images, 1 for none
     */
    public static void write(Path file, List<int[]> frames, int width, int height, int delayMs, int scale)
            throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a GIF needs at least one frame");
        }
        if (scale < 1 || scale > 16) {
            throw new IllegalArgumentException("scale must be between 1 and 16, not " + scale);
        }
        ImageWriter writer = gifWriter();
        try {
            AtomicFiles.write(file, out -> {
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(ios);
                    writer.prepareWriteSequence(null);
                    int centis = Math.max(2, Math.round(delayMs / 10f));
                    // Each frame is fetched once: a list may decode its frames on demand (HistoryGif does).
                    for (int i = 0; i < frames.size(); i++) {
                        int[] frame = frames.get(i);
                        if (frame.length != width * height) {
                            throw new IllegalArgumentException("frame " + i + " has " + frame.length
                                    + " pixels, expected " + width + "x" + height);
                        }
                        BufferedImage image = image(frame, width, height, scale);
                        ImageWriteParam param = writer.getDefaultWriteParam();
                        IIOMetadata meta = frameMetadata(writer, param, image, centis, i == 0);
                        writer.writeToSequence(new IIOImage(image, null, meta), param);
                    }
                    writer.endWriteSequence();
                }
            });
        } finally {
            writer.dispose();
        }
    }

    private static ImageWriter gifWriter() throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("this Java runtime has no GIF writer");
        }
        return writers.next();
    }

    private static BufferedImage image(int[] argb, int width, int height, int scale) {
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        if (scale == 1) {
            image.setRGB(0, 0, width, height, argb, 0, width);
            return image;
        }
        int w = width * scale;
        int[] row = new int[w];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = argb[y * width + x / scale];
            }
            for (int k = 0; k < scale; k++) {
                image.setRGB(0, y * scale + k, w, 1, row, 0, w);
            }
        }
        return image;
    }

    private static IIOMetadata frameMetadata(ImageWriter writer, ImageWriteParam param, BufferedImage image,
                                             int centis, boolean first) throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(centis));
        gce.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever (little-endian)
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
