package io.face4j.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load against a running server (not a test): N clients post one image to /recognize in a loop for a fixed time;
 * prints the status counts, throughput and latency percentiles of the 200s. Loopback only.
 * <p>
 * {@code java -cp ... io.face4j.server.LoadClient http://127.0.0.1:8080 IMAGE.png [clients=16] [seconds=60]}
 */
public final class LoadClient {
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!ServerOptions.isLoopback(base.getHost())) {
            throw new IllegalArgumentException("the load client only targets loopback, got " + base.getHost());
        }
        byte[] image = Files.readAllBytes(Path.of(args[1]));
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int seconds = Math.min(args.length > 3 ? Integer.parseInt(args[3]) : 60, 300);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/recognize")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(image)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Long> okMicros = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                    if (status == 200) {
                        okMicros.add((System.nanoTime() - t0) / 1000);
                    } else if (status == 429) {
                        sleep(50); // a polite client backs off a little after 429
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(okMicros);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%d clients, %d s: statuses %s%n", clients, seconds, new TreeMap<>(statuses));
        System.out.printf(Locale.ROOT, "throughput %.2f recognitions/s; latency of 200s p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n",
                sorted.size() / (double) seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1000.0;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
