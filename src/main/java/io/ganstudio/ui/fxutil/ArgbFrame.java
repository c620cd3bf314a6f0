package io.ganstudio.ui.fxutil;

/** An opaque ARGB picture handed to the FX thread; the array is never changed after it is made. */
public record ArgbFrame(int width, int height, int[] argb) {

    public ArgbFrame {
        if (argb.length != width * height) {
            throw new IllegalArgumentException(argb.length + " pixels for " + width + "x" + height);
        }
    }
}
