package io.ganstudio.core.model;

/**
 * One layer of a network as a person reads it: what it does, and the shape it outputs (per image).
 * The builders make DJL blocks from these, and the statistics and the studio's diagram read the same list.
 */
public record LayerSpec(Kind kind, int inChannels, int outChannels, int kernel, int stride, int padding,
                        int inSize, int outSize, boolean batchNorm, Activation activation, boolean bias) {

    /** A layer without a bias (batch norm after it, or the reference DCGAN's first and last layers). */
    public LayerSpec(Kind kind, int inChannels, int outChannels, int kernel, int stride, int padding, int inSize,
                     int outSize, boolean batchNorm, Activation activation) {
        this(kind, inChannels, outChannels, kernel, stride, padding, inSize, outSize, batchNorm, activation, false);
    }

    /**
     * CONV and TRANSPOSED_CONV as their kernel, stride and padding say; RESIZE_CONV: nearest-neighbour upsampling by
     * the stride, then a convolution with this kernel and padding (run as the transposed convolution it equals).
     */
    public enum Kind { CONV, TRANSPOSED_CONV, RESIZE_CONV }

    public enum Activation { RELU, LEAKY_RELU, TANH, NONE }

    /** Weights, the bias where the layer has one, plus batch norm's gamma and beta. */
    public long parameters() {
        long p = (long) inChannels * outChannels * kernel * kernel;
        if (bias) {
            p += outChannels;
        }
        if (batchNorm) {
            p += 2L * outChannels;
        }
        return p;
    }

    /**
     * Multiply-adds counted as 2 FLOPs, for one image's forward pass. A convolution costs one MAC per weight per
     * output pixel; a transposed convolution one MAC per weight per input pixel (the same work, seen from its input);
     * a resize convolution what the 4x4 transposed convolution it runs as costs.
     */
    public long forwardFlops() {
        int runKernel = kind == Kind.RESIZE_CONV ? 4 : kernel;
        long weights = (long) inChannels * outChannels * runKernel * runKernel;
        long pixels = kind == Kind.CONV ? (long) outSize * outSize : (long) inSize * inSize;
        long flops = 2 * weights * pixels;
        long outElems = (long) outChannels * outSize * outSize;
        if (batchNorm) {
            flops += 4 * outElems;
        }
        if (activation != Activation.NONE) {
            flops += outElems;
        }
        return flops;
    }

    /** e.g. "ConvT 4x4 /2, 256 -> 128, BN, ReLU"; a resize convolution "Up x2 + Conv 3x3, 256 -> 128, BN, ReLU". */
    public String label() {
        String act = switch (activation) {
            case RELU -> ", ReLU";
            case LEAKY_RELU -> ", LeakyReLU 0.2";
            case TANH -> ", Tanh";
            case NONE -> "";
        };
        String op = switch (kind) {
            case CONV -> "Conv " + kernel + "x" + kernel + " /" + stride;
            case TRANSPOSED_CONV -> "ConvT " + kernel + "x" + kernel + " /" + stride;
            case RESIZE_CONV -> "Up x" + stride + " + Conv " + kernel + "x" + kernel;
        };
        return op + ", " + inChannels + " -> " + outChannels
                + (batchNorm ? ", BN" : "") + act;
    }

    /** e.g. "128 x 8 x 8". */
    public String outputShape() {
        return outChannels + " x " + outSize + " x " + outSize;
    }
}
