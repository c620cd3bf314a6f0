package io.ganstudio.core.health;

import io.ganstudio.core.text.Phrase;

/**
 * A health warning raised or cleared at a step, with the figures that decided it.
 *
 * @param raised   true when the problem began, false when it cleared
 * @param evidence the measured figures against the threshold, as a sentence
 */
public record HealthWarning(HealthIssue issue, boolean raised, long step, Phrase evidence) {

    /** One line for the command line and logs (English). */
    public String english() {
        if (!raised) {
            return Phrase.of("health.cleared", issue.title().english(), step, evidence.english()).english();
        }
        return Phrase.of("health.raised", issue.title().english(), step, evidence.english(),
                issue.meaning().english(), issue.advice().english()).english();
    }
}
