package io.face4j.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.face4j.Face;
import io.face4j.FaceAnalyzer;
import io.face4j.FaceFinder;
import io.face4j.gallery.DecisionPolicy;
import io.face4j.gallery.Enrolment;
import io.face4j.gallery.Gallery;
import io.face4j.gallery.Identity;
import io.face4j.gallery.MatchOptions;
import io.face4j.gallery.Matcher;
import io.face4j.gallery.NewTemplate;
import io.face4j.gallery.RecognitionDefaults;
import io.face4j.gallery.Template;
import io.face4j.gallery.UnknownIdentityException;
import io.face4j.gallery.calibrate.Calibration;
import io.face4j.gallery.calibrate.Calibrator;
import io.face4j.image.ImageException;
import io.face4j.image.ImageReadOptions;
import io.face4j.image.Images;
import io.face4j.image.RgbImage;
import io.face4j.liveness.LivenessDetector;
import io.face4j.liveness.LivenessResult;
import io.face4j.quality.QualityAssessment;
import io.face4j.quality.QualityBar;
import io.face4j.server.Uploads.Upload;
import io.face4j.server.Views.EnrolledImage;

/**
 * What the API does, in library terms: decode under the limits, find faces (with the tight-crop fallback), decide
 * against the gallery, enrol with the quality rules. Every inference goes through the {@link InferenceLimiter}.
 * Thread-safe: the analyzer and gallery are.
 */
final class FaceService {
    private final FaceAnalyzer analyzer;
    private final FaceFinder finder;
    private final Gallery gallery;
    private final Matcher matcher;
    private final Thumbnails thumbnails;
    private final InferenceLimiter limiter;
    private final ImageReadOptions readOptions;
    private final QualityBar enrolmentBar = QualityBar.enrolment();
    private final QualityBar recognitionBar = QualityBar.recognition();
    private final DecisionPolicy policy = RecognitionDefaults.policy();
    private final String modelId;
    private final Object livenessLock = new Object();
    private volatile LivenessDetector liveness;

    FaceService(FaceAnalyzer analyzer, Gallery gallery, Thumbnails thumbnails, InferenceLimiter limiter, ImageReadOptions readOptions) {
        this.analyzer = analyzer;
        this.finder = new FaceFinder(analyzer);
        this.gallery = gallery;
        this.matcher = new Matcher(gallery);
        this.thumbnails = thumbnails;
        this.limiter = limiter;
        this.readOptions = readOptions;
        this.modelId = analyzer.embedder().orElseThrow(() -> new IllegalArgumentException("the analyzer needs an embedder")).modelId();
    }

    RgbImage decode(Upload upload) {
        return Images.read(upload.bytes(), readOptions);
    }

    /** Faces with boxes, landmarks and quality (no embeddings computed). */
    List<Face> detect(RgbImage image) {
        return limiter.run(() -> analyzer.detect(image));
    }

    /** Every face with an embedding, with the tight-crop fallback. */
    List<Face> faces(RgbImage image) {
        return limiter.run(() -> finder.find(image));
    }

    /** Faces with boxes, landmarks, quality and, when {@code withLiveness}, a liveness check each. */
    List<Views.Detected> detect(RgbImage image, boolean withLiveness) {
        List<Views.Detected> out = new ArrayList<>();
        for (Face f : detect(image)) {
            out.add(Views.Detected.of(f, withLiveness ? liveness(image, f) : null));
        }
        return out;
    }

    /**
     * Every face decided against the gallery. {@code withLiveness} adds a liveness check per face; {@code requireLive}
     * (which implies it) refuses a face judged a spoof: it gets {@code refused: "spoof"} and no identity.
     */
    Views.Recognition recognize(RgbImage image, boolean withLiveness, boolean requireLive) {
        double threshold = threshold(policy);
        MatchOptions options = MatchOptions.defaults().withPolicy(policy).withThreshold(threshold).withTopK(3);
        List<Views.Recognized> faces = new ArrayList<>();
        for (Face f : faces(image)) {
            QualityAssessment quality = recognitionBar.assess(f.quality());
            LivenessResult verdict = withLiveness || requireLive ? liveness(image, f) : null;
            if (requireLive && !verdict.live()) {
                faces.add(Views.Recognized.refused(f, quality, verdict));
            } else {
                faces.add(Views.Recognized.of(f, quality,
                        matcher.decide(modelId, f.embedding().values(), quality.codes(), options), verdict));
            }
        }
        return new Views.Recognition(image.width(), image.height(), threshold, faces);
    }

    Views.Recognition recognize(RgbImage image) {
        return recognize(image, false, false);
    }

    /** Two photos, the primary face of each; {@code requireLive} answers 422 "spoof" when either face is judged a spoof. */
    Views.Verification verify(RgbImage first, RgbImage second, boolean withLiveness, boolean requireLive) {
        Face a = primary(first, "image1");
        Face b = primary(second, "image2");
        LivenessResult liveA = withLiveness || requireLive ? liveness(first, a) : null;
        LivenessResult liveB = withLiveness || requireLive ? liveness(second, b) : null;
        if (requireLive && (!liveA.live() || !liveB.live())) {
            String which = !liveA.live() ? "image1: " + liveA.reason() : "image2: " + liveB.reason();
            throw new ApiException(422, "spoof", "requireLive: the face in " + which);
        }
        // two photos compare like one-template identities: the nearest-template threshold applies
        double threshold = threshold(DecisionPolicy.nearestTemplate());
        double similarity = a.embedding().cosine(b.embedding());
        return new Views.Verification(similarity >= threshold, Views.r4(similarity), threshold, Views.box(a.box()), Views.box(b.box()),
                Views.Liveness.of(liveA), Views.Liveness.of(liveB));
    }

    Views.Verification verify(RgbImage first, RgbImage second) {
        return verify(first, second, false, false);
    }

    /** The liveness check of one face, through the inference limiter; the detector is loaded on first use. */
    LivenessResult liveness(RgbImage image, Face face) {
        LivenessDetector detector = liveness;
        if (detector == null) {
            synchronized (livenessLock) {
                if (liveness == null) {
                    liveness = LivenessDetector.create();
                }
                detector = liveness;
            }
        }
        LivenessDetector d = detector;
        return limiter.run(() -> d.check(image, face));
    }

    /** Closes the liveness detector if one was loaded. */
    void close() {
        synchronized (livenessLock) {
            if (liveness != null) {
                liveness.close();
                liveness = null;
            }
        }
    }

    Face primary(RgbImage image, String what) {
        return limiter.run(() -> finder.primary(image)).orElseThrow(() -> ApiException.noFace("no face found in " + what));
    }

    /** A face fit to enrol and where its line of the report goes. */
    private record Accepted(int line, String name, RgbImage image, Face face) {
    }

    /**
     * Enrols the images' faces (the largest of each), quality-gated, each with a thumbnail. Reports every image;
     * 422 when none gave a face fit to enrol.
     */
    Views.Enrolled enrol(String subjectId, List<Upload> uploads) {
        Identity subject = subject(subjectId);
        List<EnrolledImage> report = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        for (Upload upload : uploads) {
            Optional<String> problem = Optional.empty();
            try {
                RgbImage image = decode(upload);
                List<Face> found = faces(image);
                Face face = found.isEmpty() ? null : FaceFinder.largest(found);
                QualityAssessment quality = face == null ? null : enrolmentBar.assess(face.quality());
                problem = face == null ? Optional.of("no face found")
                        : quality.usable() ? Optional.empty() : Optional.of(quality.describe());
                if (problem.isEmpty()) {
                    accepted.add(new Accepted(report.size(), upload.name(), image, face));
                }
                report.add(new EnrolledImage(upload.name(), problem.isEmpty() ? "accepted" : "rejected", null,
                        problem.orElse(null), face == null ? null : Views.Quality.of(face.quality(), quality)));
            } catch (ImageException e) {
                report.add(new EnrolledImage(upload.name(), "rejected", null, Errors.toApi(e).getMessage(), null));
            }
        }
        if (accepted.isEmpty()) {
            throw new ApiException(422, "no_usable_face", "no image gave a face fit to enrol: "
                    + report.stream().map(r -> r.image() + ": " + r.reason()).toList(), report);
        }
        List<NewTemplate> templates = new ArrayList<>();
        for (Accepted a : accepted) {
            // template quality: the inter-ocular distance in pixels, the figure recognition accuracy depends on most
            templates.add(new NewTemplate(a.face().embedding().values(), modelId, a.face().quality().interOcularPx(), "api:" + a.name()));
        }
        Enrolment enrolment = gallery.addTemplates(subject.id(), templates);
        Set<Integer> skipped = new HashSet<>();
        enrolment.skipped().forEach(s -> skipped.add(s.index()));
        int next = 0;
        for (int i = 0; i < accepted.size(); i++) {
            Accepted a = accepted.get(i);
            EnrolledImage line = report.get(a.line());
            if (skipped.contains(i)) {
                report.set(a.line(), new EnrolledImage(line.image(), "duplicate", null, "near-duplicate of a face already enrolled", line.quality()));
                continue;
            }
            long id = enrolment.addedTemplateIds().get(next++);
            thumbnails.save(id, a.image(), a.face().box());
            report.set(a.line(), new EnrolledImage(line.image(), "enrolled", id, null, line.quality()));
        }
        return new Views.Enrolled(subjectView(subject.id()), next, report);
    }

    Identity subject(String id) {
        return gallery.identity(id).orElseThrow(() -> new UnknownIdentityException("no subject with id " + id));
    }

    Views.Subject subjectView(String id) {
        return Views.Subject.of(subject(id), gallery.templates(id));
    }

    Template face(String subjectId, long faceId) {
        return gallery.templates(subject(subjectId).id()).stream().filter(t -> t.id() == faceId).findFirst()
                .orElseThrow(() -> new UnknownIdentityException("subject " + subjectId + " has no face " + faceId));
    }

    void removeFace(String subjectId, long faceId) {
        gallery.removeTemplate(face(subjectId, faceId).id());
        thumbnails.delete(faceId);
    }

    void removeSubject(String subjectId) {
        List<Template> templates = gallery.templates(subject(subjectId).id());
        gallery.removeIdentity(subjectId);
        templates.forEach(t -> thumbnails.delete(t.id()));
    }

    byte[] thumbnail(String subjectId, long faceId) {
        return thumbnails.read(face(subjectId, faceId).id())
                .orElseThrow(() -> new ApiException(404, "not_found", "face " + faceId + " has no thumbnail (enrolled outside the server)"));
    }

    Calibration calibrate(double far, boolean store) {
        if (gallery.stats().identities() < 2) {
            throw new ApiException(422, "not_enough_subjects", "calibration needs at least two enrolled subjects");
        }
        Calibration c = Calibrator.fromGallery(gallery, modelId, policy, far);
        if (store) {
            Calibrator.store(gallery, c);
        }
        return c;
    }

    double threshold(DecisionPolicy p) {
        return RecognitionDefaults.threshold(gallery, modelId, p);
    }

    String modelId() {
        return modelId;
    }

    DecisionPolicy policy() {
        return policy;
    }

    Gallery gallery() {
        return gallery;
    }

    FaceAnalyzer analyzer() {
        return analyzer;
    }

    InferenceLimiter limiter() {
        return limiter;
    }
}
