package io.ganstudio.core.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The studio's engine (EngineSetup.preferInteractive): work on the interactive device runs on normal-priority
 * threads, everything else on threads at {@link EngineSetup#BACKGROUND_NICE}, and both give the same numbers.
 */
class InteractiveDeviceTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void rendersRunAtNormalPriorityAndTheRestInTheBackgroundWithIdenticalResults() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                InteractiveDeviceCheck.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, String> said = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] words = line.trim().split(" ");
            if (words.length >= 2) {
                said.put(line.substring(0, line.lastIndexOf(' ')).trim(), words[words.length - 1]);
            }
        }
        assertEquals("true", said.get("split"), out);
        assertEquals("true", said.get("identical"), "the same images on either device:\n" + out);
        double front = Double.parseDouble(said.get("interactive background-share"));
        double back = Double.parseDouble(said.get("ordinary background-share"));
        assertTrue(front < 0.2, "renders for the user ran on background threads: " + front + "\n" + out);
        assertTrue(back > 0.6, "other work ran at normal priority: " + back + "\n" + out);
    }
}
