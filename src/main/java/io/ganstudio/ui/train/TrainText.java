package io.ganstudio.ui.train;

import io.ganstudio.ui.common.BundleText;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/** The Train screen's words, from io/ganstudio/ui/train/messages*.properties (English and Japanese). */
public final class TrainText extends BundleText {

    private static final String BUNDLE = "io.ganstudio.ui.train.messages";

    public TrainText(Locale locale) {
        this(() -> locale);
    }

    /** Follows a language that can change while the app runs (the shell's language switch). */
    public TrainText(Supplier<Locale> locale) {
        super(BUNDLE, locale);
    }

    String noConfig() {
        return get("problem.noConfig");
    }

    String cannotCreateRun(Path root, String reason) {
        return format("problem.cannotCreateRun", root, reason);
    }

    String resumeAdvice() {
        return get("failed.resumeAdvice");
    }

    String failedTitle() {
        return get("notify.failed");
    }

    String finishedTitle() {
        return get("notify.finished");
    }

    String finishedText(long step) {
        return format("notify.finishedText", step);
    }

    String stoppedText(long step) {
        return format("notify.stoppedText", step);
    }

    /** "about 9 minutes", "about 1.5 hours", "under a minute": a planned run's length at a glance. */
    public String aboutTime(double seconds) {
        if (seconds < 60) {
            return get("time.underMinute");
        }
        if (seconds < 5400) {
            return format("time.minutes", Math.round(seconds / 60));
        }
        return format("time.hours", Math.round(seconds / 360) / 10.0);
    }

    /** "1:02:03" or "2:03": elapsed time and ETA at a glance. */
    public static String clock(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
