package io.ganstudio.ui.harness;

/** Plain main for the classpath (a class extending Application cannot start JavaFX from a plain classpath). */
public final class HarnessMain {
    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        ScreenHarness.main(args);
    }
}
