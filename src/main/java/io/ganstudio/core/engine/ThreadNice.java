package io.ganstudio.core.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The calling thread's scheduling priority on Linux (its nice value; threads it creates inherit it). Lowering it is
 * allowed to every user; raising it back is not, so this is only for threads made for that purpose.
 */
final class ThreadNice {

    private ThreadNice() {
    }

    /**
     * Lowers the calling thread's priority to {@code nice} (0 normal .. 19 lowest).
     *
     * @return whether it took effect (false on other systems, or where the C library does not allow it)
     */
    static boolean lowerCurrentThread(int nice) {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            int tid = LibC.INSTANCE.gettid();
            return LibC.INSTANCE.setpriority(PRIO_PROCESS, tid, nice) == 0
                    && LibC.INSTANCE.getpriority(PRIO_PROCESS, tid) == nice;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    private static final int PRIO_PROCESS = 0;

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int gettid();

        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }
}
