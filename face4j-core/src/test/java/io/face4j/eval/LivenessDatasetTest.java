package io.face4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivenessDatasetTest {
    @TempDir
    Path dir;

    private void touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1});
    }

    @Test
    void nuaaListsWithBackslashesAndCrlfKeepOnlyPresentFiles() throws IOException {
        touch(dir.resolve("ClientRaw/0001/a.jpg"));
        touch(dir.resolve("ClientRaw/0002/b.jpg"));
        touch(dir.resolve("ImposterRaw/0001/c.jpg"));
        Files.writeString(dir.resolve("client_train_raw.txt"), "0001\\a.jpg\r\n0002/b.jpg\r\n0003\\missing.jpg\r\n\r\n", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("imposter_train_raw.txt"), "0001\\c.jpg\r\n0001\\gone.jpg\r\n", StandardCharsets.US_ASCII);
        assertTrue(LivenessDataset.isNuaa(dir));
        LivenessDataset train = LivenessDataset.nuaa(dir, "train");
        assertEquals(5, train.listed());
        assertEquals(2, train.liveCount());
        assertEquals(1, train.attackCount());
        assertEquals("0001", train.samples().get(0).subject());
        assertEquals("0001", train.samples().get(0).session(), "no NUAA-style name: the subject");
        assertEquals(dir.resolve("ImposterRaw/0001/c.jpg"), train.samples().get(2).file());
        assertThrows(IllegalArgumentException.class, () -> LivenessDataset.nuaa(dir, "test"), "no test lists");
    }

    @Test
    void liveAndSpoofFoldersMatchedCaseInsensitively() throws IOException {
        touch(dir.resolve("LIVE/alice/1.jpg"));
        touch(dir.resolve("LIVE/2.png"));
        touch(dir.resolve("Spoof/3.JPG"));
        touch(dir.resolve("Spoof/notes.txt"));
        assertFalse(LivenessDataset.isNuaa(dir));
        LivenessDataset set = LivenessDataset.folders(dir);
        assertEquals(2, set.liveCount());
        assertEquals(1, set.attackCount());
        assertEquals("alice", set.samples().stream().filter(s -> s.file().toString().contains("alice")).findFirst().orElseThrow().subject());
    }

    @Test
    void missingOrEmptySubfoldersAreNamed() throws IOException {
        touch(dir.resolve("live/1.jpg"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LivenessDataset.folders(dir));
        assertTrue(e.getMessage().contains("spoof"), e.getMessage());
        Files.createDirectories(dir.resolve("spoof"));
        e = assertThrows(IllegalArgumentException.class, () -> LivenessDataset.folders(dir));
        assertTrue(e.getMessage().contains("holds no images"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LivenessDataset.folders(dir.resolve("nope")));
    }
}
