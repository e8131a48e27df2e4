package io.face4j.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

import io.face4j.AnalyzerOptions;
import io.face4j.gallery.GalleryOptions;
import io.face4j.image.ImageReadOptions;

/**
 * How {@link Face4jServer} runs: where it listens, which gallery and key file it uses, and its limits.
 *
 * @param host             interface to bind; loopback by default. Any other interface requires API keys.
 * @param port             TCP port; 0 picks a free one
 * @param gallery          the gallery file (created when missing)
 * @param apiKeyFile       the file of hashed API keys ({@link ApiKeys})
 * @param requireKeys      demand keys even on loopback (always true off loopback)
 * @param corsOrigin       the one origin allowed cross-origin requests, or null for none
 * @param maxRequestBytes  larger request bodies get 413
 * @param maxPixels        larger images (by their header) get 413
 * @param maxRunning       inferences running at once
 * @param maxWaiting       requests queued for an inference slot; beyond that 429 at once
 * @param analyzer         detector and embedder options
 */
public record ServerOptions(String host, int port, Path gallery, Path apiKeyFile, boolean requireKeys, String corsOrigin,
                            long maxRequestBytes, long maxPixels, int maxRunning, int maxWaiting, AnalyzerOptions analyzer) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** 10 MB: a 24-megapixel JPEG from a phone is 5-8 MB. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 10L * 1024 * 1024;
    /** 40 megapixels: above any phone camera; decoding it takes 120 MB of RGB. */
    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    /** 2 running: one per core of the 2-core reference machine (each inference is single-threaded in MTCNN's stages). */
    public static final int DEFAULT_MAX_RUNNING = 2;
    /** 16 waiting: at roughly 0.1-0.3 s per image, a queued request waits a few seconds at most. */
    public static final int DEFAULT_MAX_WAITING = 16;

    public ServerOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        if (gallery == null || apiKeyFile == null || analyzer == null) {
            throw new IllegalArgumentException("gallery, apiKeyFile and analyzer must not be null");
        }
        if (maxRequestBytes < 1 || maxPixels < 1 || maxRunning < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("limits must be positive (maxWaiting >= 0): maxRequestBytes=" + maxRequestBytes
                    + " maxPixels=" + maxPixels + " maxRunning=" + maxRunning + " maxWaiting=" + maxWaiting);
        }
    }

    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, GalleryOptions.defaultPath(), defaultKeyFile(), false, null,
                DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_PIXELS, DEFAULT_MAX_RUNNING, DEFAULT_MAX_WAITING, AnalyzerOptions.defaults());
    }

    /** ~/.face4j/api-keys, beside the default gallery. */
    public static Path defaultKeyFile() {
        return GalleryOptions.defaultPath().resolveSibling("api-keys");
    }

    public ServerOptions withHost(String value) {
        return new ServerOptions(value, port, gallery, apiKeyFile, requireKeys, corsOrigin, maxRequestBytes, maxPixels, maxRunning, maxWaiting, analyzer);
    }

    public ServerOptions withPort(int value) {
        return new ServerOptions(host, value, gallery, apiKeyFile, requireKeys, corsOrigin, maxRequestBytes, maxPixels, maxRunning, maxWaiting, analyzer);
    }

    public ServerOptions withGallery(Path value) {
        return new ServerOptions(host, port, value, apiKeyFile, requireKeys, corsOrigin, maxRequestBytes, maxPixels, maxRunning, maxWaiting, analyzer);
    }

    public ServerOptions withApiKeyFile(Path value) {
        return new ServerOptions(host, port, gallery, value, requireKeys, corsOrigin, maxRequestBytes, maxPixels, maxRunning, maxWaiting, analyzer);
    }

    public ServerOptions withRequireKeys(boolean value) {
        return new ServerOptions(host, port, gallery, apiKeyFile, value, corsOrigin, maxRequestBytes, maxPixels, maxRunning, maxWaiting, analyzer);
    }

    public ServerOptions withCorsOrigin(String value) {
        return new ServerOptions(host, port, gallery, apiKeyFile, requireKeys, value, maxRequestBytes, maxPixels, maxRunning, maxWaiting, analyzer);
    }

    public ServerOptions withMaxRequestBytes(long value) {
        return new ServerOptions(host, port, gallery, apiKeyFile, requireKeys, corsOrigin, value, maxPixels, maxRunning, maxWaiting, analyzer);
    }

    public ServerOptions withMaxPixels(long value) {
        return new ServerOptions(host, port, gallery, apiKeyFile, requireKeys, corsOrigin, maxRequestBytes, value, maxRunning, maxWaiting, analyzer);
    }

    public ServerOptions withConcurrency(int running, int waiting) {
        return new ServerOptions(host, port, gallery, apiKeyFile, requireKeys, corsOrigin, maxRequestBytes, maxPixels, running, waiting, analyzer);
    }

    public ServerOptions withAnalyzer(AnalyzerOptions value) {
        return new ServerOptions(host, port, gallery, apiKeyFile, requireKeys, corsOrigin, maxRequestBytes, maxPixels, maxRunning, maxWaiting, value);
    }

    /** True when keys are checked: always off loopback, on loopback only when asked. */
    public boolean keysRequired() {
        return requireKeys || !isLoopback(host);
    }

    ImageReadOptions imageReadOptions() {
        return ImageReadOptions.defaults().withMaxPixels(maxPixels);
    }

    static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
