package io.face4j.video.source;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Reads another source on its own thread, so decoding overlaps processing. Three modes:
 * <ul>
 *   <li>{@link #live}: a queue of one; when processing is slower than the camera the older frame is dropped, so what
 *       is shown stays current instead of falling further and further behind;</li>
 *   <li>{@link #paced}: the same, with a file played at its own frame rate (by timestamps), as a player would;</li>
 *   <li>{@link #prefetch}: a small queue that blocks the decoder when full: every frame of a file is processed.</li>
 * </ul>
 * {@link #next()} is for one reader thread; {@link #close()} may be called from any thread.
 */
public final class BackgroundFrameSource implements FrameSource {
    private final FrameSource source;
    private final int capacity;
    private final boolean dropWhenFull;
    private final boolean pace;
    private final Object lock = new Object();
    private final Deque<VideoFrame> queue = new ArrayDeque<>();
    private final Thread reader;
    private long dropped;
    private boolean ended;
    private RuntimeException failure;
    private volatile boolean closed;

    private BackgroundFrameSource(FrameSource source, int capacity, boolean dropWhenFull, boolean pace) {
        this.source = source;
        this.capacity = capacity;
        this.dropWhenFull = dropWhenFull;
        this.pace = pace;
        this.reader = new Thread(this::readLoop, "face4j-frame-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Newest frame only (a queue of one between grabber and processor); for cameras and streams. */
    public static BackgroundFrameSource live(FrameSource source) {
        return new BackgroundFrameSource(source, 1, true, false);
    }

    /** A file or folder played in real time at its timestamps, dropping frames the reader has no time for. */
    public static BackgroundFrameSource paced(FrameSource source) {
        return new BackgroundFrameSource(source, 1, true, true);
    }

    /** Every frame, decoded up to {@code capacity} frames ahead on the reader thread. */
    public static BackgroundFrameSource prefetch(FrameSource source, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        return new BackgroundFrameSource(source, capacity, false, false);
    }

    private void readLoop() {
        long startNanos = System.nanoTime();
        try {
            while (!closed) {
                Optional<VideoFrame> frame = source.next();
                if (frame.isEmpty()) {
                    break;
                }
                if (pace) {
                    long wait = startNanos + frame.get().timestampMicros() * 1000 - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                synchronized (lock) {
                    while (!dropWhenFull && queue.size() >= capacity && !closed) {
                        lock.wait();
                    }
                    if (dropWhenFull && queue.size() >= capacity) {
                        queue.removeFirst();
                        dropped++;
                    }
                    queue.addLast(frame.get());
                    lock.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            synchronized (lock) {
                failure = e;
            }
        } finally {
            synchronized (lock) {
                ended = true;
                lock.notifyAll();
            }
        }
    }

    @Override
    public Optional<VideoFrame> next() {
        synchronized (lock) {
            while (queue.isEmpty() && !ended) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
            if (!queue.isEmpty()) {
                VideoFrame frame = queue.removeFirst();
                lock.notifyAll();
                return Optional.of(frame);
            }
            if (failure != null) {
                throw failure;
            }
            return Optional.empty();
        }
    }

    @Override
    public SourceInfo info() {
        return source.info();
    }

    @Override
    public long droppedFrames() {
        synchronized (lock) {
            return dropped;
        }
    }

    /** Stops the reader thread and closes the wrapped source. */
    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
