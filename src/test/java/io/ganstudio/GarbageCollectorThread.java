package io.ganstudio;

/**
 * A daemon thread that asks for a garbage collection every two milliseconds until closed. On PyTorch an array made
 * from Java memory is only as good as that memory: code that lets autograd or a view read it after its array was
 * closed computes garbage once a collection has freed it, which without this thread happens rarely and at random.
 */
public final class GarbageCollectorThread implements AutoCloseable {

    private final Thread thread;
    private volatile boolean stopped;

    public GarbageCollectorThread() {
        thread = new Thread(() -> {
            while (!stopped) {
                System.gc();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "garbage-collector-pressure");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
    }
}
