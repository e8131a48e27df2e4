package io.face4j.detect.mtcnn;

import java.util.ArrayList;
import java.util.List;

/** Splits a stage's candidates into batches, so a crowded image does not allocate one huge tensor. */
final class Chunks {
    /** 512 crops: 3.5 MB of 24x24 input, 14 MB of 48x48; a normal photo has far fewer candidates, so one call. */
    static final int MAX_BATCH = 512;

    private Chunks() {
    }

    static <T> List<List<T>> of(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += MAX_BATCH) {
            chunks.add(items.subList(from, Math.min(items.size(), from + MAX_BATCH)));
        }
        return chunks;
    }
}
