package io.ganstudio.cli;

import io.ganstudio.core.model.ModelConfig;

/** A conditional run's class as the command line names it: a class name (any case) or its 0-based index. */
final class ClassChoice {

    private ClassChoice() {
    }

    /** The class's index, or a usage error that says which classes the run has. */
    static int index(ModelConfig model, String nameOrIndex) {
        return index(model, nameOrIndex, "--class");
    }

    /** As {@link #index(ModelConfig, String)}, naming another option in the messages. */
    static int index(ModelConfig model, String nameOrIndex, String option) {
        if (model.classCount() == 0) {
            throw new UsageError(option + ": this run has no classes (it was trained without --conditional); "
                    + "leave out " + option + ", or train a conditional run");
        }
        int c = model.classIndex(nameOrIndex);
        if (c < 0) {
            throw new UsageError(option + ": this run has no class \"" + nameOrIndex + "\"; give one of "
                    + String.join(", ", model.classes()) + " or its number 0-" + (model.classCount() - 1));
        }
        return c;
    }
}
