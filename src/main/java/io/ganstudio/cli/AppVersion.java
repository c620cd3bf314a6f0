package io.ganstudio.cli;

import io.ganstudio.core.engine.BuildVersion;
import picocli.CommandLine;

/** The CLI's --version: the build's version with the Java and system it runs on. */
public final class AppVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"GAN Studio " + BuildVersion.version(), "Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
