package io.ganstudio.core.run;

import java.nio.file.Path;

/** Child process for {@link RunFolderSafetyTest}: opens a run for training, says so, and holds it until killed. */
public final class RunLockHolderProcess {

    private RunLockHolderProcess() {
    }

    public static void main(String[] args) throws Exception {
        RunFolder run = RunFolder.openForTraining(Path.of(args[0]));
        System.out.println("locked " + run.dir());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
