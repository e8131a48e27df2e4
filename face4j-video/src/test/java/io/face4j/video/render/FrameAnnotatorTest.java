package io.face4j.video.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.face4j.geometry.Box;
import io.face4j.image.RgbImage;
import io.face4j.liveness.temporal.LivenessState;
import io.face4j.liveness.temporal.TemporalResult;
import io.face4j.video.TrackView;

class FrameAnnotatorTest {
    private static final RgbImage BLACK = RgbImage.of(320, 240, new byte[320 * 240 * 3]);
    private static final Box BOX = new Box(100, 60, 180, 150);

    private static TemporalResult result(LivenessState state) {
        return new TemporalResult(state, 0.5, 0.037, 10, "test", List.of());
    }

    /** The colour just inside the badge, under the box's bottom-left corner. */
    private static Color badgePixel(TrackView t) {
        BufferedImage drawn = new FrameAnnotator().draw(BLACK, List.of(t));
        return new Color(drawn.getRGB((int) BOX.x1() + 1, (int) BOX.y2() + 2));
    }

    @Test
    void badgeShowsTheLivenessStateUnderTheBox() {
        assertEquals(FrameAnnotator.KNOWN, badgePixel(new TrackView(1, BOX, true, null, result(LivenessState.LIVE))));
        assertEquals(FrameAnnotator.UNKNOWN, badgePixel(new TrackView(1, BOX, true, null, result(LivenessState.SPOOF))));
        assertEquals(FrameAnnotator.CHECKING, badgePixel(new TrackView(1, BOX, true, null, result(LivenessState.UNDECIDED))));
        assertEquals(Color.BLACK, badgePixel(new TrackView(1, BOX, true, null)), "no badge without liveness");
        assertEquals("checking", FrameAnnotator.badge(new TrackView(1, BOX, true, null, result(LivenessState.UNDECIDED))));
        assertNull(FrameAnnotator.badge(new TrackView(1, BOX, true, null)));
    }

    @Test
    void badgeMovesInsideTheBoxAtTheFramesBottomEdge() {
        Box low = new Box(100, 150, 180, 240);
        BufferedImage drawn = new FrameAnnotator().draw(BLACK, List.of(new TrackView(1, low, true, null, result(LivenessState.LIVE))));
        assertEquals(FrameAnnotator.KNOWN, new Color(drawn.getRGB(101, 236)));
    }
}
