package io.ganstudio.core.playground;

/**
 * One picture of a playground run, as plain numbers for drawing (the canvas, a PNG) and for the charts. Coordinates
 * are in the unit square, x then y, y pointing up.
 *
 * @param step        training steps done
 * @param dLoss       mean D loss over the updates since the previous frame (NaN before the first)
 * @param gLoss       mean G loss over the updates since the previous frame (NaN before the first)
 * @param kl          KL(real || generated) on the grid, bits
 * @param js          JS divergence on the grid, bits
 * @param real        real points shown
 * @param fake        generated points shown (from fixed noise, so they move smoothly)
 * @param arrows      per generated point, the direction that lowers G's loss (dx, dy), scaled for drawing
 * @param heat        how real D finds each of heatCells*heatCells cell centres, 0-1, row by row from y = 0
 * @param noiseDim    1 or 2: the manifold is a line of manifoldCells+1 points or a grid of (manifoldCells+1)^2
 * @param manifold    the noise grid's vertices after the generator, x then y
 * @param shade       per manifold cell (or segment), how densely G packs noise there, 0-1
 * @param phase       the sub-step just done in slow motion, or null between whole steps
 * @param side        the network the sub-step belongs to, or null
 * @param updateLoss  in slow motion, the loss of the update under way once computed (else NaN)
 */
public record PlaygroundFrame(long step, double dLoss, double gLoss, double kl, double js, float[] real,
                              float[] fake, float[] arrows, int heatCells, float[] heat, int noiseDim,
                              int manifoldCells, float[] manifold, float[] shade, Phase phase, Side side,
                              double updateLoss) {
}
