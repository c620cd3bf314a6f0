package io.ganstudio.core.engine;

/**
 * The engine's log (DJL logs through SLF4J, bound to slf4j-simple, configured in simplelogger.properties): warnings
 * and errors on stderr by default, INFO too when asked for. Decided once, before the first logger is made.
 */
public final class Logging {

    /** The system property slf4j-simple reads for the default level; a value set here wins over the file's. */
    static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Logging() {
    }

    /** Shows the engine's INFO lines; call before anything touches DJL (later calls change nothing). */
    public static void verbose() {
        System.setProperty(LEVEL, "info");
    }
}
