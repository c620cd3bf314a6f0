package io.ganstudio.core.playground;

import io.ganstudio.core.random.Rng;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written backpropagation against central finite differences, for every parameter and input. */
class MlpGradientTest {

    private static final double H = 1e-6;

    /** A fixed scalar loss of the outputs: sum of w_k * out_k, plus a square so the check is not only linear. */
    private static double loss(double[] out) {
        double s = 0;
        for (int k = 0; k < out.length; k++) {
            s += (0.3 + 0.1 * k) * out[k] + 0.5 * out[k] * out[k];
        }
        return s;
    }

    private static double[] lossGrad(double[] out) {
        double[] g = new double[out.length];
        for (int k = 0; k < out.length; k++) {
            g[k] = 0.3 + 0.1 * k + out[k];
        }
        return g;
    }

    private static void jitter(double[] p, Rng rng) {
        for (int i = 0; i < p.length; i++) {
            p[i] += 0.1 * rng.nextGaussian();
        }
    }

    @Test
    void parameterAndInputGradientsMatchFiniteDifferences() {
        for (int hidden = 0; hidden <= 3; hidden++) {
            Mlp net = new Mlp(2, hidden, 5, 2);
            net.initialise(new Rng(7 + hidden));
            Rng rng = new Rng(11);
            jitter(net.params(), rng);
            int n = 6;
            double[] x = new double[2 * n];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextGaussian();
            }
            double[] out = net.forward(x, n);
            double[] gx = net.backward(lossGrad(out));
            double[] grads = net.grads().clone();
            double[] p = net.params();
            for (int i = 0; i < p.length; i++) {
                double keep = p[i];
                p[i] = keep + H;
                double up = loss(net.predict(x, n));
                p[i] = keep - H;
                double down = loss(net.predict(x, n));
                p[i] = keep;
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, grads[i], 1e-5 * Math.max(1, Math.abs(numeric)),
                        "hidden " + hidden + ", parameter " + i);
            }
            for (int i = 0; i < x.length; i++) {
                double keep = x[i];
                x[i] = keep + H;
                double up = loss(net.predict(x, n));
                x[i] = keep - H;
                double down = loss(net.predict(x, n));
                x[i] = keep;
                assertEquals((up - down) / (2 * H), gx[i], 1e-5, "hidden " + hidden + ", input " + i);
            }
            // The side path used for the arrows gives the same input gradient and leaves the gradients alone.
            double[] again = net.inputGradient(x, n, lossGrad(net.predict(x, n)));
            for (int i = 0; i < x.length; i++) {
                assertEquals(gx[i], again[i], 1e-12);
            }
            assertTrue(Arrays.equals(grads, net.grads()));
        }
    }

    @Test
    void generatorUpdateFollowsTheLossThroughTheDiscriminator() {
        for (Loss loss : Loss.values()) {
            PlaygroundConfig c = new PlaygroundConfig(2, 6, 2, 6, 2, PlaygroundConfig.Noise.UNIFORM, loss,
                    PlaygroundConfig.Optimizer.SGD, 0.1, PlaygroundConfig.Optimizer.SGD, 0.1, 1, 1, 3);
            PlaygroundGan gan = new PlaygroundGan(c, PlaygroundGan.realPoints(Preset.RING, 3));
            // The G update's loss as a function of G's parameters, with the same noise each time.
            Mlp g = gan.generator();
            Mlp d = gan.discriminator();
            Rng rng = new Rng(5);
            // Random biases too, so that no ReLU sits exactly on its kink (zero biases and zero inputs would).
            jitter(g.params(), rng);
            jitter(d.params(), rng);
            int n = 8;
            double[] z = new double[2 * n];
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextDouble();
            }
            double[] fake = g.forward(z, n);
            double[] s = d.forward(fake, n);
            double[] gs = new double[n];
            loss.gLoss(s, gs);
            g.backward(d.backward(gs));
            double[] grads = g.grads().clone();
            double[] p = g.params();
            for (int i = 0; i < p.length; i++) {
                double keep = p[i];
                p[i] = keep + H;
                double up = loss.gLoss(d.predict(g.predict(z, n), n), new double[n]);
                p[i] = keep - H;
                double down = loss.gLoss(d.predict(g.predict(z, n), n), new double[n]);
                p[i] = keep;
                double numeric = (up - down) / (2 * H);
                assertEquals(numeric, grads[i], 1e-5 * Math.max(1, Math.abs(numeric)), loss + " parameter " + i);
            }
        }
    }

    /** The D update's gradients, penalty included, match finite differences of its loss (same batch and nudges). */
    @Test
    void discriminatorUpdateWithThePenaltyFollowsItsLoss() {
        PlaygroundConfig c = new PlaygroundConfig(1, 6, 1, 6, 2, PlaygroundConfig.Noise.UNIFORM, Loss.LOG,
                PlaygroundConfig.Optimizer.SGD, 0.1, PlaygroundConfig.Optimizer.SGD, 0.1, 1, 1, 4, 3);
        double[] real = PlaygroundGan.realPoints(Preset.BLOBS, 4);
        PlaygroundGan gan = new PlaygroundGan(c, real);
        jitter(gan.discriminator().params(), new Rng(6));
        double[] start = gan.discriminator().params().clone();
        PlaygroundGan.Update u = gan.update(Side.DISCRIMINATOR);
        for (int k = 0; k < 4; k++) {
            u.advance(); // generate, classify, loss, gradients
        }
        double[] grads = gan.discriminator().grads().clone();
        for (int i = 0; i < start.length; i++) {
            double up = dLoss(c, real, start, i, H);
            double down = dLoss(c, real, start, i, -H);
            double numeric = (up - down) / (2 * H);
            assertEquals(numeric, grads[i], 1e-4 * Math.max(1, Math.abs(numeric)), "parameter " + i);
        }
    }

    private static double dLoss(PlaygroundConfig c, double[] real, double[] params, int i, double h) {
        PlaygroundGan gan = new PlaygroundGan(c, real);
        double[] p = gan.discriminator().params();
        System.arraycopy(params, 0, p, 0, p.length);
        p[i] += h;
        PlaygroundGan.Update u = gan.update(Side.DISCRIMINATOR);
        for (int k = 0; k < 3; k++) {
            u.advance(); // generate, classify, loss
        }
        return u.loss();
    }
}
