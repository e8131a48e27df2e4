package io.face4j.video.source;

/**
 * What is known about an open source.
 *
 * @param width      frame width in pixels
 * @param height     frame height in pixels
 * @param fps        frames per second, NaN when unknown
 * @param frameCount number of frames, -1 when unknown or endless
 * @param live       true for cameras and streams
 */
public record SourceInfo(int width, int height, double fps, long frameCount, boolean live) {
}
