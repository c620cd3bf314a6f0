package io.ganstudio.ui.train;

/** Tells the user something happened outside their attention (training ended or failed); the shell decides how. */
public interface TrainingAlerts {

    void info(String title, String text);

    void error(String title, String text);

    /** For tests and benchmarks, where no popup is wanted. */
    static TrainingAlerts silent() {
        return new TrainingAlerts() {
            public void info(String title, String text) {
            }

            public void error(String title, String text) {
            }
        };
    }
}
