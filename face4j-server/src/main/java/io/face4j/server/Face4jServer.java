package io.face4j.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.face4j.FaceAnalyzer;
import io.face4j.gallery.Gallery;
import io.face4j.image.RgbImage;
import io.face4j.server.ApiKeys.Scope;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

/**
 * The face4j REST service, live WebSocket and web page on one port. {@link #start} loads and warms the models, opens
 * the gallery and listens; {@link #close} stops listening and frees them. Thread-safe.
 */
public final class Face4jServer implements AutoCloseable {
    public static final String API = "/api/v1";

    private final ServerOptions options;
    private final FaceAnalyzer analyzer;
    private final Gallery gallery;
    private final FaceService faces;
    private final LiveSocket live;
    private final Javalin app;

    private Face4jServer(ServerOptions options, ApiKeys keys, FaceAnalyzer analyzer, Gallery gallery) {
        this.options = options;
        this.analyzer = analyzer;
        this.gallery = gallery;
        ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        InferenceLimiter limiter = new InferenceLimiter(options.maxRunning(), options.maxWaiting());
        this.faces = new FaceService(analyzer, gallery, new Thumbnails(options.gallery()), limiter, options.imageReadOptions());
        this.live = new LiveSocket(faces, json);
        Access access = new Access(keys, options.keysRequired());
        Api api = new Api(faces, json);
        byte[] openApi = resource("openapi.json");
        this.app = Javalin.create(config -> configure(config, json, access, api, openApi));
    }

    /** Loads the models (warming them on a small image), opens the gallery and starts listening. */
    public static Face4jServer start(ServerOptions options) {
        ApiKeys keys = ApiKeys.load(options.apiKeyFile());
        if (options.keysRequired() && keys.isEmpty()) {
            throw new IllegalStateException((ServerOptions.isLoopback(options.host()) ? "--require-key" : "listening on "
                    + options.host() + " (not loopback)") + " needs API keys, and " + options.apiKeyFile()
                    + " has none: create one with 'face4j serve --create-key admin --api-key-file " + options.apiKeyFile()
                    + "' (or listen on 127.0.0.1 only)");
        }
        FaceAnalyzer analyzer = FaceAnalyzer.create(options.analyzer());
        Gallery gallery = null;
        try {
            analyzer.analyze(RgbImage.of(160, 160, new byte[160 * 160 * 3]));
            gallery = Gallery.open(options.gallery());
            Face4jServer server = new Face4jServer(options, keys, analyzer, gallery);
            server.app.start(options.host(), options.port());
            return server;
        } catch (RuntimeException e) {
            if (gallery != null) {
                gallery.close();
            }
            analyzer.close();
            throw e;
        }
    }

    private void configure(JavalinConfig config, ObjectMapper json, Access access, Api api, byte[] openApi) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(json, false));
        config.http.maxRequestSize = options.maxRequestBytes();
        config.jetty.multipartConfig.maxTotalRequestSize(options.maxRequestBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxFileSize(options.maxRequestBytes(), SizeUnit.BYTES);
        // frames of the live view are JPEGs of a 640 px wide picture, well under 1 MB; Jetty's default is 64 kB
        config.jetty.modifyWebSocketServletFactory(ws -> ws.setMaxBinaryMessageSize(options.maxRequestBytes()));
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/io/face4j/server/web";
            files.location = Location.CLASSPATH;
        });
        if (options.corsOrigin() != null) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> rule.allowHost(options.corsOrigin())));
        }
        config.routes.exception(Exception.class, Errors::handle);
        // Javalin answers unknown routes in plain text; API clients get the JSON error shape
        config.routes.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (ctx.path().startsWith(API) && (type == null || !type.startsWith("application/json"))) {
                Errors.handle(new ApiException(404, "not_found", "no route " + ctx.method() + " " + ctx.path()), ctx);
            }
        });
        config.routes.before(API + "/*", ctx -> limitBody(ctx.header("Content-Length")));
        config.routes.beforeMatched(access::check);
        config.routes.wsBeforeUpgrade(API + "/live", ctx -> access.require(ctx, Scope.RECOGNIZE));

        config.routes.get(API + "/health", api::health);
        config.routes.get(API + "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        config.routes.post(API + "/detect", api::detect, Scope.RECOGNIZE);
        config.routes.post(API + "/recognize", api::recognize, Scope.RECOGNIZE);
        config.routes.post(API + "/verify", api::verify, Scope.RECOGNIZE);
        config.routes.post(API + "/embed", api::embed, Scope.RECOGNIZE);
        config.routes.get(API + "/subjects", api::listSubjects, Scope.RECOGNIZE);
        config.routes.post(API + "/subjects", api::createSubject, Scope.ADMIN);
        config.routes.get(API + "/subjects/{id}", api::getSubject, Scope.RECOGNIZE);
        config.routes.patch(API + "/subjects/{id}", api::renameSubject, Scope.ADMIN);
        config.routes.delete(API + "/subjects/{id}", api::deleteSubject, Scope.ADMIN);
        config.routes.post(API + "/subjects/{id}/faces", api::addFaces, Scope.ADMIN);
        config.routes.delete(API + "/subjects/{id}/faces/{faceId}", api::deleteFace, Scope.ADMIN);
        config.routes.get(API + "/subjects/{id}/faces/{faceId}/thumbnail", api::thumbnail, Scope.RECOGNIZE);
        config.routes.get(API + "/gallery/stats", api::stats, Scope.RECOGNIZE);
        config.routes.post(API + "/calibrate", api::calibrate, Scope.ADMIN);
        config.routes.ws(API + "/live", live::configure, Scope.RECOGNIZE);
    }

    /** A declared body over the limit is refused before it is read; Javalin checks undeclared (chunked) ones. */
    private void limitBody(String contentLength) {
        if (contentLength != null && !contentLength.isBlank() && Long.parseLong(contentLength.trim()) > options.maxRequestBytes()) {
            throw new ApiException(413, "request_too_large", String.format(Locale.ROOT,
                    "the request body of %s bytes is over the limit of %d bytes", contentLength.trim(), options.maxRequestBytes()));
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Face4jServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return app.port();
    }

    /** The page's address, e.g. http://127.0.0.1:8080/ (a wildcard host is shown as localhost). */
    public String url() {
        String host = options.host().equals("0.0.0.0") || options.host().equals("::") ? "localhost" : options.host();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    public boolean keysRequired() {
        return options.keysRequired();
    }

    /** Creates an API key of the scope in the file and returns it (shown to the user once). */
    public static String createKey(java.nio.file.Path file, String scope) {
        return ApiKeys.create(file, Scope.parse(scope));
    }

    Javalin app() {
        return app;
    }

    InferenceLimiter limiter() {
        return faces.limiter();
    }

    @Override
    public void close() {
        app.stop();
        live.close();
        faces.close();
        gallery.close();
        analyzer.close();
    }
}
