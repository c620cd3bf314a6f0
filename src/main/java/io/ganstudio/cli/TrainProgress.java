package io.ganstudio.cli;

import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.train.StepMetrics;
import io.ganstudio.session.SessionEvent;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Shows a training session's events on the terminal. On a terminal, one line rewritten in place (\r); in a log or
 * pipe, a plain line every few seconds, so logs stay readable. Called on the engine thread; prints and returns.
 */
final class TrainProgress implements Consumer<SessionEvent> {

    private static final long PLAIN_LINE_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean quiet;
    private final long targetSteps;
    private final int imagesPerStep;
    private long lastPlainLine;
    private boolean lineOpen;
    private int lastInPlaceLength;
    private double smoothedImagesPerSecond = Double.NaN;
    private volatile StepMetrics last;
    private volatile Path lastCheckpoint;
    private volatile Path lastSample;
    private volatile SessionEvent.Failed failure;
    private volatile SessionEvent.Finished finished;

    TrainProgress(PrintWriter out, PrintWriter err, boolean terminal, boolean quiet, long targetSteps,
                  int imagesPerStep) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
        this.targetSteps = targetSteps;
        this.imagesPerStep = imagesPerStep;
    }

    @Override
    public synchronized void accept(SessionEvent event) {
        // Java 17: no pattern matching in switch yet.
        if (event instanceof SessionEvent.Metrics m) {
            onMetrics(m);
        } else if (event instanceof SessionEvent.SampleGrid g && g.file() != null) {
            lastSample = g.file();
        } else if (event instanceof SessionEvent.CheckpointWritten c) {
            lastCheckpoint = c.file();
        } else if (event instanceof SessionEvent.Warning w) {
            endLine();
            err.println("warning: " + w.message());
            err.flush();
        } else if (event instanceof SessionEvent.Failed f) {
            endLine();
            failure = f;
        } else if (event instanceof SessionEvent.Finished f) {
            endLine();
            finished = f;
        } else if (event instanceof SessionEvent.Progress p) {
            onProgress(p);
        } else if (event instanceof SessionEvent.Health h) {
            onHealth(h);
        } else if (event instanceof SessionEvent.Quality q && !quiet) {
            endLine();
            out.println(qualityLine(q.snapshot()));
            out.flush();
        }
    }

    /** A raised health warning goes to stderr (even with --quiet), what it means and what to try with it. */
    private void onHealth(SessionEvent.Health h) {
        endLine();
        if (h.warning().raised()) {
            err.println("health warning: " + h.warning().english());
            err.flush();
        } else if (!quiet) {
            out.println("health: " + h.warning().english());
            out.flush();
        }
    }

    static String qualityLine(QualitySnapshot q) {
        String fid = q.hasClassifier() ? String.format(Locale.ROOT, "FID %.2f, smallest class %.1f%%, ", q.fid(),
                100 * q.minClassShare()) : "";
        return String.format(Locale.ROOT, "quality at step %d (%d samples, %.1f s): %sNDB %d/%d bins differ, "
                        + "diversity %.2f, close to a training image %.1f%%", q.step(), q.samples(), q.seconds(), fid,
                q.ndbDifferent(), q.ndbBins(), q.diversity(), 100 * q.closeShare());
    }

    private void onProgress(SessionEvent.Progress p) {
        if (quiet || p.task().isEmpty() || !terminal) {
            return;
        }
        String pct = p.fraction() >= 0 ? String.format(Locale.ROOT, " %3.0f%%", 100 * p.fraction()) : "";
        printInPlace(p.task() + pct);
    }

    private void onMetrics(SessionEvent.Metrics event) {
        for (StepMetrics m : event.steps()) {
            double ips = m.imagesPerSecond();
            if (Double.isFinite(ips) && ips > 0) {
                // Smoothed so the ETA does not jump with every noisy step.
                smoothedImagesPerSecond = Double.isNaN(smoothedImagesPerSecond) ? ips
                        : 0.9 * smoothedImagesPerSecond + 0.1 * ips;
            }
            last = m;
        }
        if (quiet || last == null) {
            return;
        }
        if (terminal) {
            printInPlace(shortLine(last));
        } else if (System.nanoTime() - lastPlainLine > PLAIN_LINE_INTERVAL_NANOS || last.step() >= targetSteps) {
            lastPlainLine = System.nanoTime();
            out.println(line(last));
            out.flush();
        }
    }

    String line(StepMetrics m) {
        double secondsLeft = (targetSteps - m.step()) * imagesPerStep / smoothedImagesPerSecond;
        return String.format(Locale.ROOT, "step %d/%d  D loss %.3f  G loss %.3f  D(x) %.3f  D(G(z)) %.3f  "
                        + "%.0f img/s  ETA %s", m.step(), targetSteps, m.dLoss(), m.gLoss(), m.dReal(), m.dFake(),
                smoothedImagesPerSecond, duration(secondsLeft));
    }

    /** Under 80 characters: a wrapped line cannot be rewritten in place with \r. */
    String shortLine(StepMetrics m) {
        double secondsLeft = (targetSteps - m.step()) * imagesPerStep / smoothedImagesPerSecond;
        return String.format(Locale.ROOT, "step %d/%d D %.3f G %.3f D(x) %.2f D(G(z)) %.2f %.0f img/s ETA %s",
                m.step(), targetSteps, m.dLoss(), m.gLoss(), m.dReal(), m.dFake(), smoothedImagesPerSecond,
                duration(secondsLeft));
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "--";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60);
        }
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    private void printInPlace(String text) {
        // Pad so a shorter line fully covers the longer one before it.
        int width = Math.max(text.length(), lastInPlaceLength);
        out.print("\r" + text + " ".repeat(width - text.length()));
        out.flush();
        lastInPlaceLength = text.length();
        lineOpen = true;
    }

    private void endLine() {
        if (lineOpen) {
            out.println();
            out.flush();
            lineOpen = false;
            lastInPlaceLength = 0;
        }
    }

    StepMetrics lastMetrics() {
        return last;
    }

    Path lastCheckpoint() {
        return lastCheckpoint;
    }

    Path lastSample() {
        return lastSample;
    }

    SessionEvent.Failed failure() {
        return failure;
    }

    SessionEvent.Finished finished() {
        return finished;
    }
}
