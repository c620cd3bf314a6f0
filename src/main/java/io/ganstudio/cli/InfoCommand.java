package io.ganstudio.cli;

import ai.djl.engine.Engine;
import io.ganstudio.core.engine.AppDirs;
import io.ganstudio.core.engine.BuildVersion;
import io.ganstudio.core.engine.DeviceChoice;
import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.core.engine.EngineReport;
import io.ganstudio.core.engine.EngineSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What this installation runs on: for bug reports and for comparing benchmark figures. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the engine, CPU cores, threads, versions and cache folder.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    EngineOption engineOption = new EngineOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EngineReport engine = engineOption.start(EngineChoice.AUTO);
        out.println("GAN Studio:    " + BuildVersion.version());
        out.println("java:          " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        out.println("DJL:           " + Engine.getDjlVersion());
        out.println("picocli:       " + CommandLine.VERSION);
        out.print(engine.describe());
        out.println("device:        " + EngineSetup.deviceChoice().id() + " (chosen: "
                + engineOption.deviceChoice(DeviceChoice.CPU).id() + "; --device cpu|gpu|auto; GPUs the engine sees: "
                + EngineSetup.gpuCount() + ")");
        out.println("java heap max: " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        out.println("data cache:    " + AppDirs.datasetCacheDir());
        return Cli.OK;
    }
}
