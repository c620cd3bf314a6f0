package io.ganstudio.ui.game;

import io.ganstudio.core.game.DiscriminatorGame.Side;
import io.ganstudio.core.game.DiscriminatorGame;
import io.ganstudio.jobs.GameDeal;
import io.ganstudio.ui.fxutil.ArgbFrame;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * The game's state for its window: the pair on show, whether it is revealed, the score line and the feedback. No
 * controls, so it is tested without a screen.
 */
public final class GameViewModel {

    /** The window's words, looked up by key (English or Japanese). */
    public interface Words {
        String format(String key, Object... args);
    }

    private final Words words;
    private GameDeal deal;

    private final ReadOnlyObjectWrapper<ArgbFrame> left = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ArgbFrame> right = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper revealed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Side> realSide = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Boolean> lastRight = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper score = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");

    public GameViewModel(Words words) {
        this.words = words;
    }

    public GameViewModel(Function<String, String> bundle) {
        this((key, args) -> MessageFormat.format(bundle.apply(key), args));
    }

    /** Starts a game with these images. */
    public void start(GameDeal newDeal) {
        deal = newDeal;
        finished.set(false);
        playing.set(true);
        feedback.set(words.format("game.ask"));
        showRound();
    }

    /** The player says the image on this side is the real one; ignored while the answer is on show. */
    public void answer(Side side) {
        if (deal == null || revealed.get() || deal.game().finished()) {
            return;
        }
        Side real = deal.game().current().realSide();
        boolean right = deal.game().answer(side);
        lastRight.set(right);
        realSide.set(real);
        revealed.set(true);
        String where = words.format(real == Side.LEFT ? "game.left" : "game.right");
        feedback.set(words.format(right ? "game.right.answer" : "game.wrong.answer", where));
        updateScore();
        if (deal.game().finished()) {
            finished.set(true);
            feedback.set(feedback.get() + "  " + words.format("game.verdict." + deal.game().verdict().name(),
                    deal.game().score(), deal.game().total()));
        }
    }

    /** The next pair, after an answer. */
    public void next() {
        if (deal == null || !revealed.get() || deal.game().finished()) {
            return;
        }
        feedback.set(words.format("game.ask"));
        showRound();
    }

    private void showRound() {
        DiscriminatorGame.Round r = deal.game().current();
        int i = r.number() - 1;
        ArgbFrame real = new ArgbFrame(deal.size(), deal.size(), deal.real().get(i));
        ArgbFrame fake = new ArgbFrame(deal.size(), deal.size(), deal.fake().get(i));
        left.set(r.realSide() == Side.LEFT ? real : fake);
        right.set(r.realSide() == Side.LEFT ? fake : real);
        realSide.set(null);
        lastRight.set(null);
        revealed.set(false);
        updateScore();
    }

    private void updateScore() {
        DiscriminatorGame g = deal.game();
        score.set(words.format("game.score", g.score(), g.answered(), Math.min(g.answered() + (revealed.get() ? 0 : 1),
                g.total()), g.total(), String.format(Locale.ROOT, "%,d", deal.step())));
    }

    public ReadOnlyObjectProperty<ArgbFrame> leftProperty() {
        return left.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ArgbFrame> rightProperty() {
        return right.getReadOnlyProperty();
    }

    /** True while the answer to the pair on show is revealed. */
    public ReadOnlyBooleanProperty revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** True once a game has started. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** Where the real image was, once revealed; null before. */
    public ReadOnlyObjectProperty<Side> realSideProperty() {
        return realSide.getReadOnlyProperty();
    }

    /** Whether the last answer was right, once revealed; null before. */
    public ReadOnlyObjectProperty<Boolean> lastRightProperty() {
        return lastRight.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    /** The game in play, or null. */
    public DiscriminatorGame game() {
        return deal == null ? null : deal.game();
    }
}
