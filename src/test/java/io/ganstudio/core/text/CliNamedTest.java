package io.ganstudio.core.text;

import io.ganstudio.core.data.Fit;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.LossKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every setting with command-line names accepts them and its Java names in any case, and says what it accepts. */
class CliNamedTest {

    private static String refusal(Runnable parse) {
        return assertThrows(IllegalArgumentException.class, parse::run).getMessage();
    }

    @Test
    void namesInAnyCaseAndTheChoicesInTheMessage() {
        assertEquals(Normalization.BATCH_NORM, Normalization.parse("Batch-Norm"));
        assertEquals(Normalization.BATCH_NORM, Normalization.parse("batch_norm"));
        assertEquals(Upsampling.RESIZE_CONV, Upsampling.parse("RESIZE"));
        assertEquals(LossKind.LSGAN, LossKind.parse("lsgan"));
        assertEquals(Augment.DIFFAUGMENT, Augment.parse("DiffAugment"));
        assertEquals(Fit.PAD, Fit.parse("pad"));
        assertEquals("unknown normalization 'x': use batch-norm or none", refusal(() -> Normalization.parse("x")));
        assertEquals("unknown upsampling 'x': use transposed or resize", refusal(() -> Upsampling.parse("x")));
        assertEquals("unknown loss 'x': use bce, lsgan or hinge", refusal(() -> LossKind.parse("x")));
        assertEquals("unknown augmentation 'x': use auto, diffaugment, ada or off", refusal(() -> Augment.parse("x")));
        assertEquals("unknown fit 'x': use resize or pad", refusal(() -> Fit.parse("x")));
    }
}
