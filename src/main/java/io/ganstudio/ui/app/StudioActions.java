package io.ganstudio.ui.app;

import io.ganstudio.core.engine.EngineChoice;
import io.ganstudio.ui.common.Language;

import java.nio.file.Path;

/** What the menu can ask the application to do. */
public interface StudioActions {

    void newRun();

    /** Asks for a folder and opens the run in it. */
    void chooseRun();

    void openRun(Path dir);

    /** Asks for a lesson file and opens it (Data, Model and Train screens set up). */
    void openLesson();

    /** Saves the current settings, optionally with the run's snapshot, as a lesson file. */
    void saveLesson();

    /** The "You are the discriminator" game on the current run. */
    void discriminatorGame();

    void setLanguage(Language language);

    /** Remembers the engine for the studio's next start (DJL loads one engine per process). */
    void setEngine(EngineChoice engine);

    /** Opens (or closes) the "What am I seeing?" explanation of the screen on show. */
    void explainScreen();

    void about();

    void quit();
}
