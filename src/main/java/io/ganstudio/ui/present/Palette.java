package io.ganstudio.ui.present;

/**
 * Chart colours as RGB ints (0xRRGGBB), usable from Java2D and JavaFX alike.
 *
 * @param first  the first series of a chart (D loss; D(x) on real images; NDB)
 * @param second the second series (G loss; D(G(z)) on generated images; diversity)
 * @param third  a third series (near-copies; KL divergence)
 * @param fourth a fourth series (FID; JS divergence)
 */
public record Palette(int first, int second, int third, int fourth) {

    /** The studio's everyday colours (red-orange and blue, green, purple). */
    public static final Palette STANDARD = new Palette(0xD64F2A, 0x1F6FB5, 0x2E8B57, 0x6A3D9A);

    /**
     * Okabe and Ito's colour-blind-safe set (Color Universal Design, 2008): vermillion, blue, bluish green and
     * reddish purple, which stay apart for protanopes, deuteranopes and tritanopes and in greyscale.
     */
    public static final Palette OKABE_ITO = new Palette(0xD55E00, 0x0072B2, 0x009E73, 0xCC79A7);

    /** The colours in order. */
    public int[] all() {
        return new int[] {first, second, third, fourth};
    }

    /** A colour as a CSS hex string (#rrggbb), for JavaFX's Color.web. */
    public static String web(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }
}
