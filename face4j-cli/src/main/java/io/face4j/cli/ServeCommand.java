package io.face4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.face4j.server.Face4jServer;
import io.face4j.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code face4j serve}: the REST service, live recognition and the web page, until Ctrl+C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the REST API (/api/v1), live recognition over WebSocket and the web page.",
                "Listens on 127.0.0.1 only, without API keys, unless told otherwise; any other --host requires keys."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerMixin analyzer;

    @Mixin
    GalleryMixin gallery;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerOptions.DEFAULT_HOST,
            description = "interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface, which needs API keys)")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerOptions.DEFAULT_PORT,
            description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--api-key-file", paramLabel = "FILE",
            description = "file of hashed API keys (default: ~/.face4j/api-keys)")
    Path keyFile;

    @Option(names = "--create-key", paramLabel = "SCOPE",
            description = "create an API key of scope 'recognize' or 'admin', print it once and exit")
    String createKey;

    @Option(names = "--require-key", description = "require API keys on loopback too")
    boolean requireKey;

    @Option(names = "--cors", paramLabel = "ORIGIN", description = "allow cross-origin requests from this origin (default: none)")
    String cors;

    @Option(names = "--max-request-mb", paramLabel = "MB", defaultValue = "10", description = "largest request body (default: ${DEFAULT-VALUE})")
    int maxRequestMb;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ServerOptions.DEFAULT_MAX_PIXELS,
            description = "largest image by its header's width x height; larger ones get 413 (default: ${DEFAULT-VALUE})")
    long maxPixels;

    @Option(names = "--max-inferences", paramLabel = "N", defaultValue = "" + ServerOptions.DEFAULT_MAX_RUNNING,
            description = "inferences at once (default: ${DEFAULT-VALUE})")
    int maxRunning;

    @Option(names = "--max-queue", paramLabel = "N", defaultValue = "" + ServerOptions.DEFAULT_MAX_WAITING,
            description = "requests waiting for an inference; more get 429 (default: ${DEFAULT-VALUE})")
    int maxWaiting;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path keys = keyFile != null ? keyFile : ServerOptions.defaultKeyFile();
        if (createKey != null) {
            String key = Face4jServer.createKey(keys, createKey);
            out.println(key);
            spec.commandLine().getErr().println("face4j serve: created a '" + createKey + "' key in " + keys
                    + "; it is shown only now (send it as the X-API-Key header)");
            return ExitCodes.OK;
        }
        ServerOptions options = options(keys);
        try (Face4jServer server = Face4jServer.start(options)) {
            out.println("face4j serving " + server.url() + " (API " + server.url() + "api/v1, gallery " + options.gallery()
                    + (server.keysRequired() ? ", API keys required" : "") + "); Ctrl+C stops");
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        } catch (IllegalStateException e) {
            throw new InputException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private ServerOptions options(Path keys) {
        try {
            return ServerOptions.defaults().withHost(host).withPort(port).withGallery(gallery.path()).withApiKeyFile(keys)
                    .withRequireKeys(requireKey).withCorsOrigin(cors).withMaxRequestBytes(maxRequestMb * 1024L * 1024L)
                    .withMaxPixels(maxPixels)
                    .withConcurrency(maxRunning, maxWaiting).withAnalyzer(analyzer.options());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
