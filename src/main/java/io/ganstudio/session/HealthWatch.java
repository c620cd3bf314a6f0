package io.ganstudio.session;

import io.ganstudio.core.files.FileErrors;
import io.ganstudio.core.health.HealthCsv;
import io.ganstudio.core.health.HealthMonitor;
import io.ganstudio.core.health.HealthWarning;
import io.ganstudio.core.quality.QualitySnapshot;
import io.ganstudio.core.text.Phrase;
import io.ganstudio.core.train.LossKind;
import io.ganstudio.core.train.StepMetrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The session's side of the health warnings: feeds every step and quality probe to a {@link HealthMonitor}, and
 * for each warning raised or cleared appends a row to the run's health.csv and publishes a
 * {@link SessionEvent.Health}. A resumed run drops the rows after its checkpoint and starts watching afresh.
 * Engine thread only.
 */
final class HealthWatch {

    private final HealthMonitor monitor;
    private final HealthCsv csv;
    private final Consumer<SessionEvent> publish;

    HealthWatch(Path runDir, LossKind loss, long stepsDone, Consumer<SessionEvent> publish) {
        this.monitor = new HealthMonitor(loss);
        this.csv = new HealthCsv(runDir);
        this.publish = publish;
        try {
            csv.truncateAfter(stepsDone);
        } catch (IOException e) {
            publish.accept(new SessionEvent.Warning(Phrase.of("session.healthFailed", FileErrors.text(e))));
        }
    }

    void step(StepMetrics m) {
        report(monitor.observe(m));
    }

    void quality(QualitySnapshot s) {
        report(monitor.observe(s));
    }

    private void report(List<HealthWarning> warnings) {
        for (HealthWarning w : warnings) {
            try {
                csv.append(w);
            } catch (IOException e) {
                publish.accept(new SessionEvent.Warning(Phrase.of("session.healthFailed", FileErrors.text(e))));
            }
            publish.accept(new SessionEvent.Health(w));
        }
    }
}
