package io.face4j.server;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds inference work: at most {@code maxRunning} at once and {@code maxWaiting} queued behind them; a request
 * beyond that is refused at once with 429 instead of holding a thread and its image in memory. Thread-safe.
 */
final class InferenceLimiter {
    private final Semaphore running;
    private final int admitted;
    private final AtomicInteger inside = new AtomicInteger();

    InferenceLimiter(int maxRunning, int maxWaiting) {
        this.running = new Semaphore(maxRunning, true);
        this.admitted = maxRunning + maxWaiting;
    }

    <T> T run(Supplier<T> work) {
        if (inside.incrementAndGet() > admitted) {
            inside.decrementAndGet();
            throw new ApiException(429, "busy", "the server is busy (" + admitted + " requests running or queued); retry shortly");
        }
        try {
            running.acquireUninterruptibly();
            try {
                return work.get();
            } finally {
                running.release();
            }
        } finally {
            inside.decrementAndGet();
        }
    }

    /** Requests running or queued now. */
    int inside() {
        return inside.get();
    }
}
