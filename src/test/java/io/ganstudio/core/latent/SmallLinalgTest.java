package io.ganstudio.core.latent;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmallLinalgTest {

    @Test
    void eigenOfASymmetricMatrix() {
        double[][] s = {{4, 1, 0}, {1, 3, 0}, {0, 0, 1}};
        double[] values = new double[3];
        double[][] v = SmallLinalg.symmetricEigen(s, values);
        assertEquals((7 + Math.sqrt(5)) / 2, values[0], 1e-10);
        assertEquals((7 - Math.sqrt(5)) / 2, values[1], 1e-10);
        assertEquals(1, values[2], 1e-10);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 3; i++) {
                double sv = 0;
                for (int k = 0; k < 3; k++) {
                    sv += s[i][k] * v[k][c];
                }
                assertEquals(values[c] * v[i][c], sv, 1e-10);
            }
        }
    }

    @Test
    void orthonormalizesColumns() {
        double[][] a = {{1, 1}, {0, 1}, {1, 0}};
        SmallLinalg.orthonormalizeColumns(a);
        assertEquals(0, a[0][0] * a[0][1] + a[1][0] * a[1][1] + a[2][0] * a[2][1], 1e-12);
        assertEquals(1, a[0][1] * a[0][1] + a[1][1] * a[1][1] + a[2][1] * a[2][1], 1e-12);
    }
}
