package io.ganstudio.ui.explain;

/** What the explanation panels need of a screen: its id (the key of its explanation texts) and its title's key. */
public interface ExplainedScreen {
    String id();

    String titleKey();
}
