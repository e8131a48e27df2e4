package io.face4j.gallery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gallery survives its process being killed (SIGKILL) in the middle of enrolments: the file opens, every
 * enrolment reported as committed is there whole, and no enrolment is there in part.
 */
class CrashSafetyTest {
    // 10 committed enrolments before the kill: the child is then in its steady loop, mid-transaction most of the time
    private static final int REPORTED_BEFORE_KILL = 10;

    @TempDir
    Path dir;

    @Test
    void killedEnrolmentsLeaveWholeIdentitiesOnly() throws Exception {
        Path file = dir.resolve("crash.db");
        Map<String, Integer> reported = new HashMap<>();
        // the same file takes more enrolments after each crash; the kills land at different moments of a commit
        int[] delaysMillis = {0, 2, 5, 11};
        for (int round = 0; round < delaysMillis.length; round++) {
            reported.putAll(runAndKill(file, 1000 * round, delaysMillis[round]));
        }

        try (Gallery gallery = Gallery.open(file)) {
            List<Identity> identities = gallery.identities();
            Map<String, Identity> byId = new HashMap<>();
            identities.forEach(identity -> byId.put(identity.id(), identity));
            for (Map.Entry<String, Integer> done : reported.entrySet()) {
                Identity identity = byId.get(done.getKey());
                assertNotNull(identity, "identity " + done.getKey() + " was reported done but is missing");
            }
            for (Identity identity : identities) {
                int n = Integer.parseInt(identity.name().substring("person-".length()));
                // committed after the last report read, or reported: either way whole, never half-written
                assertEquals(CrashEnroller.templateCount(n), identity.templateCount(), identity.name());
                List<Template> templates = gallery.templates(identity.id());
                List<NewTemplate> written = CrashEnroller.templates(n);
                for (int i = 0; i < templates.size(); i++) {
                    assertArrayEquals(written.get(i).embedding(), templates.get(i).embedding(), 1e-6f);
                }
            }
            assertTrue(identities.size() >= reported.size());
            assertEquals(identities.size(), gallery.search("crash-128", CrashEnroller.templates(3).get(0).embedding(),
                    DecisionPolicy.nearestTemplate(), 100_000).size());
        }
    }

    /**
     * Starts the child, kills it {@code delayMillis} after its {@link #REPORTED_BEFORE_KILL}th report; returns id to
     * template count of every reported enrolment.
     */
    private static Map<String, Integer> runAndKill(Path file, int first, long delayMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashEnroller.class.getName(), file.toString(), Integer.toString(first))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the stream ends with the killed child
            }
        });
        pump.start();
        Map<String, Integer> reported = new HashMap<>();
        try {
            while (reported.size() < REPORTED_BEFORE_KILL) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertNotNull(line, "the child reported no enrolment for 60 s");
                String[] parts = line.split(" ");
                reported.put(parts[1], Integer.parseInt(parts[3]));
            }
            Thread.sleep(delayMillis);
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            pump.join(10_000);
        }
        // lines already printed before the kill landed are committed enrolments too
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            String[] parts = line.split(" ");
            reported.put(parts[1], Integer.parseInt(parts[3]));
        }
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");
        return reported;
    }
}
