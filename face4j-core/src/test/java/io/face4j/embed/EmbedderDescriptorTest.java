package io.face4j.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbedderDescriptorTest {

    @Test
    void scalarNormalisationAppliesToEveryChannel() {
        EmbedderDescriptor d = EmbedderDescriptor.mobileFaceNet();
        assertArrayEquals(new float[] {127.5f, 127.5f, 127.5f}, d.mean());
        assertArrayEquals(new float[] {128f, 128f, 128f}, d.std());
        assertEquals(EmbedderDescriptor.Layout.NHWC, d.layout());
    }

    @Test
    void withersChangeOneField() {
        EmbedderDescriptor d = EmbedderDescriptor.arcFace("r50").withChannelOrder(EmbedderDescriptor.ChannelOrder.BGR)
                .withNormalization(new float[] {1, 2, 3}, new float[] {4, 5, 6}).withOutputName("fc1");
        assertEquals("r50", d.modelId());
        assertEquals(EmbedderDescriptor.ChannelOrder.BGR, d.channelOrder());
        assertArrayEquals(new float[] {1, 2, 3}, d.mean());
        assertEquals("fc1", d.outputName());
        assertEquals(EmbedderDescriptor.arcFace("r50"), EmbedderDescriptor.arcFace("r50"));
    }

    @Test
    void misuseNamesTheParameter() {
        EmbedderDescriptor d = EmbedderDescriptor.facenetPytorch("vggface2");
        assertMessage(() -> d.withInputSize(0), "inputSize");
        assertMessage(() -> d.withNormalization(new float[] {1, 2}, new float[] {1}), "mean");
        assertMessage(() -> d.withNormalization(new float[] {1}, new float[] {0}), "std");
        assertMessage(() -> d.withAlignment(EmbedderDescriptor.Alignment.MARGIN_CROP, -1), "margin");
        assertMessage(() -> d.withModelId(""), "modelId");
    }

    private static void assertMessage(Runnable action, String parameter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().startsWith(parameter), e.getMessage());
    }
}
