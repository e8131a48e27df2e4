package io.face4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** One model shared by 8 threads gives exactly the outputs of one thread. */
class ThreadSafetyTest {

    @Test
    void eightThreadsAgreeWithOneThread() throws Exception {
        try (OnnxModel model = OnnxModel.load(ShippedModel.ONET, OnnxOptions.defaults().withIntraOpThreads(1))) {
            List<FloatTensor> inputs = new ArrayList<>();
            List<List<FloatTensor>> expected = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                FloatTensor input = TfliteEquivalenceTest.random(new Random(i), 1f, 1 + i % 3, 48, 48, 3);
                inputs.add(input);
                expected.add(model.run(input));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int offset = t;
                    futures.add(pool.submit(() -> {
                        for (int round = 0; round < 8; round++) {
                            int i = (offset * 5 + round) % inputs.size();
                            List<FloatTensor> out = model.run(inputs.get(i));
                            for (int k = 0; k < out.size(); k++) {
                                assertArrayEquals(expected.get(i).get(k).data(), out.get(k).data(), "input " + i + " output " + k);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
