package io.ganstudio.ui.explore;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LatestWinsRendererTest {

    @Test
    void whileARenderRunsOnlyTheNewestRequestIsKept() {
        FakeSource source = new FakeSource(4, false);
        List<Integer> shown = new ArrayList<>();
        LatestWinsRenderer r = new LatestWinsRenderer(source::render, Runnable::run, img -> shown.add(img[0]),
                e -> { });
        r.request(new float[] {0.001f, 0, 0, 0});
        for (int i = 2; i <= 10; i++) {
            r.request(new float[] {i / 1000f, 0, 0, 0});
        }
        assertEquals(1, source.requested.size(), "one render in flight, the rest wait as one");
        source.completeNext();
        assertEquals(List.of(1), shown);
        assertEquals(2, source.requested.size());
        assertEquals(10, FakeSource.code(source.requested.get(1)), "the newest request, 2..9 were skipped");
        source.completeNext();
        assertEquals(List.of(1, 10), shown);
        assertFalse(r.busy());
        assertEquals(10, r.requestedCount());
        assertEquals(2, r.renderedCount());
    }

    @Test
    void aFailedRenderIsReportedAndDoesNotJamTheQueue() {
        List<String> errors = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        boolean[] fail = {true};
        LatestWinsRenderer r = new LatestWinsRenderer(z -> {
            if (fail[0]) {
                fail[0] = false;
                throw new IllegalStateException("closed");
            }
            return CompletableFuture.completedFuture(FakeSource.image(z));
        }, Runnable::run, img -> shown.add(img[0]), e -> errors.add(e.getMessage()));
        r.request(new float[] {0.001f});
        r.request(new float[] {0.002f});
        assertEquals(List.of("closed"), errors);
        assertEquals(List.of(2), shown);
    }
}
