package io.ganstudio.ui.shell;

import io.ganstudio.ui.Language;

import java.nio.file.Path;

/** What the menu can ask the application to do. */
public interface StudioActions {

    void newRun();

    /** Asks for a folder and opens the run in it. */
    void chooseRun();

    void openRun(Path dir);

    void setLanguage(Language language);

    void about();

    void quit();
}
