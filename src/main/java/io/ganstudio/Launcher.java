package io.ganstudio;

import io.ganstudio.cli.Cli;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's main class. It does not extend {@code Application}: a JavaFX application class cannot start from a plain
 * classpath jar, and the command line must work on machines without a display. No arguments opens the studio;
 * anything else is the command line ({@code --self-test}, {@code --version} and the commands).
 */
public final class Launcher {

    private static final String STUDIO = "io.ganstudio.ui.app.StudioLauncher";

    private Launcher() {
    }

    public static void main(String[] args) {
        // Before anything can touch DJL: a desktop app must not phone home.
        System.setProperty("ai.djl.offline", "true");
        if (args.length == 0) {
            int code = startStudio(args);
            if (code != 0) {
                System.exit(code);
            }
            // No exit on success: the studio's own threads keep the JVM alive until its window closes.
            return;
        }
        System.exit(Cli.run(args));
    }

    /** Starts the studio by name, so the command line builds and runs without the UI classes. */
    static int startStudio(String[] args) {
        try {
            Class.forName(STUDIO).getMethod("launch", String[].class).invoke(null, (Object) args);
            return 0;
        } catch (ClassNotFoundException e) {
            System.err.println("This build has no studio window (" + STUDIO + " is missing). "
                    + "Use the command line instead: run with --help.");
            return 1;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            System.err.println("The studio could not start: " + cause
                    + (isDisplayProblem(cause) ? "\nIs a display available? Without one, use the command line: "
                    + "run with --help." : ""));
            return 1;
        } catch (ReflectiveOperationException e) {
            System.err.println("The studio could not start: " + e);
            return 1;
        }
    }

    private static boolean isDisplayProblem(Throwable t) {
        String text = String.valueOf(t);
        return text.contains("display") || text.contains("Display") || text.contains("Headless")
                || text.contains("gtk");
    }
}
