package dev.nn.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The kernels against EJML's general routines. */
class DenseKernelsTests {

    private final SplittableRandom random = new SplittableRandom(31);

    private DMatrixRMaj sparse(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = random.nextInt(4) == 0 ? random.nextDouble(-1, 1) : 0.0;
        }
        return m;
    }

    @Test
    void forwardIsInputsTimesWeightsPlusBias() {
        DMatrixRMaj a = sparse(10, 784);
        DMatrixRMaj wT = CommonOps_DDRM.transpose(sparse(30, 784), null);
        DMatrixRMaj b = sparse(1, 30);
        DMatrixRMaj z = new DMatrixRMaj(10, 30);
        DenseKernels.forward(a, wT, b, z, 0, 10);
        DMatrixRMaj expected = new DMatrixRMaj(10, 30);
        CommonOps_DDRM.mult(a, wT, expected);
        for (int s = 0; s < 10; s++) {
            for (int j = 0; j < 30; j++) {
                assertEquals(expected.get(s, j) + b.get(0, j), z.get(s, j), 1e-12);
            }
        }
    }

    @Test
    void accumulateOuterIsTransposeTimesDelta() {
        DMatrixRMaj a = sparse(10, 50);
        DMatrixRMaj delta = sparse(10, 7);
        DMatrixRMaj nabla = new DMatrixRMaj(50, 7);
        boolean[] touched = new boolean[50];
        DenseKernels.accumulateOuter(a, delta, nabla, touched, 0, 20);
        DenseKernels.accumulateOuter(a, delta, nabla, touched, 20, 50);
        DMatrixRMaj expected = new DMatrixRMaj(50, 7);
        CommonOps_DDRM.multTransA(a, delta, expected);
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i], nabla.data[i], 1e-12);
        }
        for (int k = 0; k < 50; k++) {
            boolean anyInput = false;
            for (int s = 0; s < 10; s++) {
                anyInput |= a.get(s, k) != 0;
            }
            assertEquals(anyInput, touched[k], "row " + k);
        }
        DenseKernels.clearTouched(nabla, touched, 0, 50);
        for (double v : nabla.data) {
            assertEquals(0.0, v, 0.0);
        }
    }

    @Test
    void backDeltaIsDeltaTimesWeights() {
        DMatrixRMaj delta = sparse(10, 7);
        DMatrixRMaj wT = sparse(30, 7);
        DMatrixRMaj out = new DMatrixRMaj(10, 30);
        DenseKernels.backDelta(delta, wT, out, 0, 10);
        DMatrixRMaj expected = new DMatrixRMaj(10, 30);
        CommonOps_DDRM.multTransB(delta, wT, expected);
        for (int i = 0; i < expected.data.length; i++) {
            assertEquals(expected.data[i], out.data[i], 1e-12);
        }
    }

    @Test
    void allFiniteSpotsNanAndInfinity() {
        DMatrixRMaj m = new DMatrixRMaj(1, 3, true, 1, 2, 3);
        assertTrue(DenseKernels.allFinite(m, 3));
        m.set(0, 1, Double.NaN);
        assertFalse(DenseKernels.allFinite(m, 3));
        m.set(0, 1, Double.NEGATIVE_INFINITY);
        assertFalse(DenseKernels.allFinite(m, 3));
    }
}
