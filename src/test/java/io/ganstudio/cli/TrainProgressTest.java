package io.ganstudio.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainProgressTest {

    @Test
    void durationsReadNaturally() {
        assertEquals("0m05s", TrainProgress.duration(5));
        assertEquals("2m00s", TrainProgress.duration(120));
        assertEquals("1h01m", TrainProgress.duration(3660));
        assertEquals("--", TrainProgress.duration(Double.NaN));
    }
}
