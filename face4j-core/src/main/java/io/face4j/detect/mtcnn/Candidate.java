package io.face4j.detect.mtcnn;

import io.face4j.geometry.Box;

/** A face candidate between stages: a box in source pixels and the last stage's face probability. */
record Candidate(Box box, double score) {
}
