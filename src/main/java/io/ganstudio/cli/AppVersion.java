package io.ganstudio.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into version.properties, for --version, info and the self test. */
public final class AppVersion implements CommandLine.IVersionProvider {

    public static String version() {
        try (InputStream in = AppVersion.class.getResourceAsStream("/io/ganstudio/version.properties")) {
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

    @Override
    public String[] getVersion() {
        return new String[] {"GAN Studio " + version(), "Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
