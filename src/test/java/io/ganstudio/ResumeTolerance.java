package io.ganstudio;

import io.ganstudio.core.engine.Autograd;

/**
 * How closely a resumed run must repeat the uninterrupted one: bit for bit on MXNet; on PyTorch to rounding, because
 * there a resumed run's losses were seen to differ in the last digits (up to 7e-5, in about one try in four on an
 * AMD EPYC, 2026-12-06) while runs from scratch repeat bit for bit.
 */
public final class ResumeTolerance {

    private ResumeTolerance() {
    }

    /** For losses and scores. */
    public static double losses() {
        return Autograd.gradientsAccumulate() ? 2e-4 : 0.0;
    }

    /** For sample pixels in [-1, 1]. */
    public static float images() {
        return Autograd.gradientsAccumulate() ? 1e-3f : 0f;
    }
}
