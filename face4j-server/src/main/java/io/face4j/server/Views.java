package io.face4j.server;

import java.util.ArrayList;
import java.util.List;

import io.face4j.Face;
import io.face4j.geometry.Box;
import io.face4j.geometry.Point;
import io.face4j.gallery.Candidate;
import io.face4j.gallery.Decision;
import io.face4j.gallery.Identity;
import io.face4j.gallery.Template;
import io.face4j.liveness.LivenessEvidence;
import io.face4j.liveness.LivenessResult;
import io.face4j.quality.FaceQuality;
import io.face4j.quality.QualityAssessment;
import io.face4j.quality.QualityBar;

/** The JSON shapes of the API, as records (Jackson writes their components in order). Coordinates are source pixels. */
final class Views {
    private Views() {
    }

    /** [x1, y1, x2, y2], rounded to 0.1 px. */
    static double[] box(Box b) {
        return new double[] {r1(b.x1()), r1(b.y1()), r1(b.x2()), r1(b.y2())};
    }

    /** {@code score} and {@code reasons} (codes such as too_dark) as in the CLI's JSON, then the measured figures. */
    record Quality(double score, List<String> reasons, double eyeDistance, double sharpness, double brightness,
                   double contrast, double yaw, double roll, double visibleFraction) {
        static Quality of(FaceQuality q, QualityAssessment a) {
            return new Quality(Math.round(a.score() * 1000) / 1000.0, a.codes(), r1(q.interOcularPx()), r1(q.sharpness()),
                    r1(q.brightness()), r1(q.contrast()), r1(q.yawDegrees()), r1(q.rollDegrees()),
                    Math.round(q.visibleFraction() * 1000) / 1000.0);
        }

        /** Against the recognition bar. */
        static Quality of(FaceQuality q) {
            return of(q, QualityBar.recognition().assess(q));
        }
    }

    /** A liveness check: score in [0, 1] (higher = live), the decision, the threshold and the measurements. */
    record Liveness(double score, boolean live, double threshold, List<Evidence> evidence) {
        static Liveness of(LivenessResult r) {
            return r == null ? null : new Liveness(r4(r.score()), r.live(), r4(r.threshold()),
                    r.evidence().stream().map(Evidence::of).toList());
        }
    }

    record Evidence(String name, double value, String detail) {
        static Evidence of(LivenessEvidence e) {
            return new Evidence(e.name(), r4(e.value()), e.detail());
        }
    }

    record Detected(double[] box, double score, List<double[]> landmarks, Quality quality, Liveness liveness) {
        static Detected of(Face f) {
            return of(f, null);
        }

        static Detected of(Face f, LivenessResult liveness) {
            List<double[]> points = new ArrayList<>();
            if (f.landmarks() != null) {
                for (Point p : f.landmarks().points()) {
                    points.add(new double[] {r1(p.x()), r1(p.y())});
                }
            }
            return new Detected(Views.box(f.box()), r4(f.score()), points, f.quality() == null ? null : Quality.of(f.quality()),
                    Liveness.of(liveness));
        }
    }

    record Match(String id, String name, double similarity) {
        static Match of(Candidate c) {
            return new Match(c.identityId(), c.name(), r4(c.similarity()));
        }
    }

    /**
     * One recognised face: {@code subject} is null when unknown; {@code candidates} lists the best matches even then.
     * {@code reason} is match, below_threshold or low_quality (then {@code quality.reasons} says why), or spoof.
     * {@code liveness} is present when asked for; {@code refused} is "spoof" when requireLive turned the face away,
     * and then no identity, similarity or candidate is given.
     */
    record Recognized(double[] box, double score, Match subject, String name, Double similarity, Double margin,
                      String reason, Quality quality, List<Match> candidates, Liveness liveness, String refused) {
        static Recognized of(Face f, QualityAssessment assessment, Decision d) {
            return of(f, assessment, d, null);
        }

        static Recognized of(Face f, QualityAssessment assessment, Decision d, LivenessResult liveness) {
            Match best = d.best().map(Match::of).orElse(null);
            Quality quality = Quality.of(f.quality(), assessment);
            return new Recognized(Views.box(f.box()), r4(f.score()), d.unknown() ? null : best, d.unknown() ? "unknown" : best.name(),
                    r4(d.similarity()), r4(d.margin()), d.reason().code(), quality, d.candidates().stream().map(Match::of).toList(),
                    Liveness.of(liveness), null);
        }

        static Recognized refused(Face f, QualityAssessment assessment, LivenessResult liveness) {
            return new Recognized(Views.box(f.box()), r4(f.score()), null, null, null, null, "spoof",
                    Quality.of(f.quality(), assessment), List.of(), Liveness.of(liveness), "spoof");
        }
    }

    record Recognition(int width, int height, double threshold, List<Recognized> faces) {
    }

    record Detection(int width, int height, List<Detected> faces) {
    }

    record Embedded(double[] box, double score, String model, float[] embedding) {
    }

    record Verification(boolean same, double similarity, double threshold, double[] box1, double[] box2,
                        Liveness liveness1, Liveness liveness2) {
    }

    record FaceEntry(long id, double quality, String createdAt, String thumbnail) {
        static FaceEntry of(Template t) {
            return new FaceEntry(t.id(), r1(t.quality()), t.createdAt().toString(),
                    "/api/v1/subjects/" + t.identityId() + "/faces/" + t.id() + "/thumbnail");
        }
    }

    record Subject(String id, String name, String createdAt, int faceCount, List<FaceEntry> faces) {
        static Subject of(Identity i, List<Template> templates) {
            return new Subject(i.id(), i.name(), i.createdAt().toString(), templates == null ? i.templateCount() : templates.size(),
                    templates == null ? null : templates.stream().map(FaceEntry::of).toList());
        }
    }

    /** What happened to one enrolment image: {@code faceId} when stored, else the reason. */
    record EnrolledImage(String image, String status, Long faceId, String reason, Quality quality) {
    }

    record Enrolled(Subject subject, int added, List<EnrolledImage> images) {
    }

    static double r1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double r4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
