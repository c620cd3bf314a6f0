package io.ganstudio.ui.common;

import java.util.Locale;

/** Numbers as people read them: 3.6 M, 1.2 GFLOP, 2 min 5 s. */
public final class Format {

    private Format() {
    }

    public static String count(double n) {
        if (n >= 1e9) {
            return String.format(Locale.ROOT, "%.2f G", n / 1e9);
        }
        if (n >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", n / 1e6);
        }
        if (n >= 1e4) {
            return String.format(Locale.ROOT, "%.1f k", n / 1e3);
        }
        return String.format(Locale.ROOT, "%,d", (long) n);
    }

    public static String flops(double n) {
        return count(n) + "FLOP";
    }

    /** A duration with localised units, e.g. "3 min 20 s" / "3 分 20 秒". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return Messages.format("duration.seconds", s);
        }
        if (s < 3600) {
            return Messages.format("duration.minutes", s / 60, s % 60);
        }
        return Messages.format("duration.hours", s / 3600, (s % 3600) / 60);
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
