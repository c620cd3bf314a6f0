package io.ganstudio.ui.app;

import io.ganstudio.ui.common.Messages;
import io.ganstudio.ui.data.DataView;
import io.ganstudio.ui.explore.ExploreText;
import io.ganstudio.ui.explore.ExploreView;
import io.ganstudio.ui.inspect.InspectText;
import io.ganstudio.ui.inspect.InspectView;
import io.ganstudio.ui.inspect.InspectViewModel;
import io.ganstudio.ui.model.ModelView;
import io.ganstudio.ui.playground.PlaygroundText;
import io.ganstudio.ui.playground.PlaygroundView;
import io.ganstudio.ui.train.TrainText;
import io.ganstudio.ui.train.TrainView;

import java.util.List;

/** The one place screens are registered, in navigation order. */
public final class Screens {

    public static final Screen DATA = new Screen("data", "screen.data", "\u25a6",
            ctx -> new DataView(ctx.data(), ctx.model(), ctx.windowSupplier()));
    public static final Screen MODEL = new Screen("model", "screen.model", "\u25c8",
            ctx -> new ModelView(ctx.model()));
    public static final Screen TRAIN = new Screen("train", "screen.train", "\u25b6",
            ctx -> new TrainView(ctx.work().train(), new TrainText(Messages::locale)));
    public static final Screen EXPLORE = new Screen("explore", "screen.explore", "\u2726",
            ctx -> new ExploreView(ctx.work().explore(), new ExploreText(Messages::locale), ctx.work()::currentRun)
                    .following(ctx.work().train().runDirProperty()));

    public static final Screen PLAYGROUND = new Screen("playground", "screen.playground", "\u25cc",
            ctx -> new PlaygroundView(ctx.playground(), new PlaygroundText(Messages::locale), ctx.windowSupplier()));
    public static final Screen INSPECT = new Screen("inspect", "screen.inspect", "\u25ce",
            ctx -> new InspectView(InspectViewModel.of(ctx, ctx.tasks(), new InspectText(Messages::locale),
                    ctx.data().cacheDir()), new InspectText(Messages::locale), ctx.windowSupplier(),
                    ctx.work()::currentRun).following(ctx.work().train().runDirProperty()));

    private Screens() {
    }

    public static List<Screen> all() {
        return List.of(DATA, MODEL, TRAIN, EXPLORE, INSPECT, PLAYGROUND);
    }
}
