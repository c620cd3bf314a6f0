package io.ganstudio.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into version.properties: shown by the CLI, the studio's About box and the self test. */
public final class BuildVersion {
    private BuildVersion() {
    }

    /** "0.9.0", "development build" when run without Maven's resource filtering, or "unknown" without the file. */
    public static String version() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("/io/ganstudio/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            // Unfiltered (run from an IDE without Maven's resource filtering): say so rather than show a placeholder.
            return v.startsWith("${") ? "development build" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
