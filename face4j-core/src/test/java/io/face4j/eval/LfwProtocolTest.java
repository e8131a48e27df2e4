package io.face4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.face4j.embed.Embedding;

class LfwProtocolTest {

    @Test
    void embedsEachImageOnceAndScoresMissingFacesAsRejected() {
        // 2 folds x (1 same + 1 different)
        LfwPairs pairs = LfwPairs.parse(List.of("2 1", "A 1 2", "A 1 B 1", "B 1 2", "A 2 B 2"));
        Path root = Path.of("/lfw");
        Map<String, float[]> vectors = Map.of("A_0001", new float[] {1, 0}, "A_0002", new float[] {0.8f, 0.6f},
                "B_0001", new float[] {0, 1});
        List<Path> calls = new ArrayList<>();
        LfwProtocol.Result result = LfwProtocol.evaluate(pairs, root, path -> {
            calls.add(path);
            String key = path.getFileName().toString().replace(".jpg", "");
            return Optional.ofNullable(vectors.get(key)).map(v -> new Embedding(v, "m"));
        });
        assertEquals(4, calls.size(), "A1, A2, B1, B2 each once: " + calls);
        assertEquals(4, result.images());
        assertEquals(List.of(LfwPairs.imagePath(root, "B", 2)), result.missingImages());
        assertEquals(2, result.pairsAffected());
        // A1.A2 = 0.8, A1.B1 = 0, B1.B2 missing, A2.B2 missing
        assertArrayEquals(new double[] {0.8, 0, -1, -1}, result.scores(), 1e-6);
        assertEquals(4, result.report().pairs());
        // AUC: same {0.8, -1} vs different {0, -1}: (1 + 1 + 0 + 0.5) / 4
        assertEquals(0.625, result.report().auc(), 1e-12);
    }
}
