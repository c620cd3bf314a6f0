package io.ganstudio.core.health;

/**
 * Where the {@link HealthMonitor} draws its lines. Each warning has a raise level and a clear level with a gap
 * between them (hysteresis), and the step signals are averaged over a window, so a warning neither flickers nor
 * fires on one odd step. The defaults were chosen from measured runs (docs/training.md, "Health warnings").
 *
 * @param window             steps D(x) and D(G(z)) are averaged over; nothing is raised before this many steps
 * @param signWindow         steps E[sign D(real)] is averaged over (long: early in every run D is sure of reals)
 * @param signFromStep       D overfitting is judged from this step on
 * @param signRaise          D overfitting: mean E[sign D(real)] at or above this...
 * @param signClear          ...and cleared at or below this
 * @param gapRaise           D overpowers: mean D(x) - mean D(G(z)) (as probabilities) at or above this...
 * @param gapClear           ...cleared at or below this
 * @param reverseGapRaise    G overpowers: mean D(G(z)) - mean D(x) at or above this...
 * @param reverseGapClear    ...cleared at or below this
 * @param diversityRaise     mode collapse: samples' spread relative to the real images' at or below this...
 * @param diversityClear     ...cleared at or above this
 * @param jsRaise            mode collapse: or the JS divergence of the NDB bin shares (samples against real
 *                           images; 0 the same, ln 2 = 0.69 disjoint) at or above this (samples crowd into few bins)...
 * @param jsClear            ...cleared (with the diversity cleared too) at or below this
 * @param closeShareRaise    memorisation: share of samples closer to a training image than the closest 5% of
 *                           real pairs at or above this (while the samples are not collapsed)...
 * @param closeShareClear    ...cleared at or below this
 * @param probesToRaise      a quality-probe warning needs this many probes in a row past its raise level, and as
 *                           many past its clear level to clear
 * @param firstProbeStep     quality probes before this step are not judged unless the samples' diversity has
 *                           already reached the clear level once (an untrained generator's samples all look alike)
 * @param quickWindow        after the first window of steps, an obvious imbalance is judged over this many
 *                           recent steps...
 * @param quickGapRaise      ...D overpowers when the mean D(x) - D(G(z)) over them is at or above this (D sure of
 *                           every real and every generated image); it clears when both means are back down
 */
public record HealthThresholds(int window, int signWindow, long signFromStep, double signRaise, double signClear,
                               double gapRaise, double gapClear, double reverseGapRaise, double reverseGapClear,
                               double diversityRaise, double diversityClear, double jsRaise, double jsClear,
                               double closeShareRaise, double closeShareClear, int probesToRaise,
                               long firstProbeStep, int quickWindow, double quickGapRaise) {

    public static final HealthThresholds DEFAULT = new HealthThresholds(100, 500, 1000, 0.93, 0.85, 0.95, 0.85,
            0.20, 0.05, 0.45, 0.60, 0.40, 0.25, 0.50, 0.30, 2, 500, 50, 0.97);

    /** The same thresholds judging quality probes from this step on. */
    public HealthThresholds withFirstProbeStep(long step) {
        return new HealthThresholds(window, signWindow, signFromStep, signRaise, signClear, gapRaise, gapClear,
                reverseGapRaise, reverseGapClear, diversityRaise, diversityClear, jsRaise, jsClear, closeShareRaise,
                closeShareClear, probesToRaise, step, quickWindow, quickGapRaise);
    }
}
