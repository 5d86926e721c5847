package ddpg.physics.tasks;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Every sigmoid kind against a closed form worked out by hand (identities such as cosh 2a = 2 cosh^2 a - 1), not by
 * re-running the implementation's formula.
 */
class ToleranceTest {
    private static final double EPS = 1e-14;

    private static double tol(double x, double lo, double hi, double margin, Sigmoid s, double v) {
        return Tolerance.tolerance(x, lo, hi, margin, s, v);
    }

    @Test
    void insideBoundsIsOneForEveryKindAndBoundsAreInclusive() {
        for (Sigmoid s : Sigmoid.values()) {
            assertEquals(1.0, tol(0.3, 0.3, 0.7, 1, s, 0.5), s.dmName());
            assertEquals(1.0, tol(0.7, 0.3, 0.7, 1, s, 0.5), s.dmName());
            assertEquals(1.0, tol(0.5, 0.3, 0.7, 1, s, 0.5), s.dmName());
            assertEquals(1.0, tol(1e300, 1, Double.POSITIVE_INFINITY, 1, s, 0.5), s.dmName());
            assertEquals(1.0, tol(-1e300, Double.NEGATIVE_INFINITY, 0, 1, s, 0.5), s.dmName());
        }
    }

    @Test
    void zeroMarginIsAnIndicator() {
        assertEquals(0.0, tol(0.0600001, 0, 0.06, 0, Sigmoid.GAUSSIAN, 0.1));
        assertEquals(1.0, tol(0.06, 0, 0.06, 0, Sigmoid.GAUSSIAN, 0.1));
        assertEquals(0.0, tol(-1e-12, 0, 0.06, 0, Sigmoid.GAUSSIAN, 0.1));
    }

    @Test
    void everyKindEqualsValueAtMarginOneMarginAwayOnBothSides() {
        for (Sigmoid s : Sigmoid.values()) {
            // lower side: x = lo - margin; upper side: x = hi + margin (margin 2)
            assertEquals(0.3, tol(-1.0, 1, 4, 2, s, 0.3), 1e-12, s.dmName());
            assertEquals(0.3, tol(6.0, 1, 4, 2, s, 0.3), 1e-12, s.dmName());
        }
    }

    @Test
    void gaussianIsValueAtMarginToThePowerDSquared() {
        // 0.1^(d^2): d = 0.5 -> 0.1^0.25; d = 2 -> 1e-4; d = 3 -> 1e-9
        assertEquals(Math.pow(0.1, 0.25), tol(1.5, 0, 1, 1, Sigmoid.GAUSSIAN, 0.1), EPS);
        assertEquals(1e-4, tol(-4, 0, 0, 2, Sigmoid.GAUSSIAN, 0.1), 1e-17);
        assertEquals(1e-9, tol(3, 0, 0, 1, Sigmoid.GAUSSIAN, 0.1), 1e-21);
        assertEquals(1e-9, Tolerance.tolerance(3, 0, 0, 1), 1e-21); // default shape
    }

    @Test
    void hyperbolicAtTwoMarginsFollowsTheDoubleAngleIdentity() {
        // cosh(2a) = 2 cosh(a)^2 - 1 with cosh(a) = 1/v: s(2) = 1 / (2/v^2 - 1); v = 0.5 -> 1/7
        assertEquals(1.0 / 7, tol(2, 0, 0, 1, Sigmoid.HYPERBOLIC, 0.5), EPS);
        assertEquals(1.0 / (2 / 0.01 - 1), tol(-2, 0, 0, 1, Sigmoid.HYPERBOLIC, 0.1), EPS);
    }

    @Test
    void longTailAndReciprocal() {
        // long_tail: 1 / (d^2 (1/v - 1) + 1); v = 0.2, d = 3 -> 1 / (9*4 + 1) = 1/37
        assertEquals(1.0 / 37, tol(3, 0, 0, 1, Sigmoid.LONG_TAIL, 0.2), EPS);
        // reciprocal: 1 / (|d| (1/v - 1) + 1); v = 0.2, d = 3 -> 1/13
        assertEquals(1.0 / 13, tol(-3, 0, 0, 1, Sigmoid.RECIPROCAL, 0.2), EPS);
    }

    @Test
    void cosine() {
        // v = 0.5: t = d/2. d = 0.5 -> (1 + cos(pi/4))/2; d = 2 -> t = 1 -> 0 exactly; beyond stays 0
        assertEquals((1 + Math.sqrt(0.5)) / 2, tol(0.5, 0, 0, 1, Sigmoid.COSINE, 0.5), EPS);
        assertEquals(0.0, tol(2, 0, 0, 1, Sigmoid.COSINE, 0.5));
        assertEquals(0.0, tol(7, 0, 0, 1, Sigmoid.COSINE, 0.5));
        // v = 0: t = d; d = 0.5 -> (1 + cos(pi/2))/2 = 1/2
        assertEquals(0.5, tol(0.5, 0, 0, 1, Sigmoid.COSINE, 0.0), EPS);
    }

    @Test
    void linearWithTheTasksParameters() {
        // cheetah: bounds (10, inf), margin 10, v = 0 -> clip(x/10, 0, 1)
        assertEquals(0.37, tol(3.7, 10, Double.POSITIVE_INFINITY, 10, Sigmoid.LINEAR, 0), EPS);
        assertEquals(0.0, tol(0, 10, Double.POSITIVE_INFINITY, 10, Sigmoid.LINEAR, 0));
        assertEquals(0.0, tol(-5, 10, Double.POSITIVE_INFINITY, 10, Sigmoid.LINEAR, 0));
        // walker-run: bounds (8, inf), margin 4, v = 0.5 -> 1 - d/2 = x/8 for 0 <= x <= 8, 0 below 0
        assertEquals(0.75, tol(6, 8, Double.POSITIVE_INFINITY, 4, Sigmoid.LINEAR, 0.5), EPS);
        assertEquals(0.0, tol(0, 8, Double.POSITIVE_INFINITY, 4, Sigmoid.LINEAR, 0.5));
        assertEquals(0.0, tol(-3, 8, Double.POSITIVE_INFINITY, 4, Sigmoid.LINEAR, 0.5));
        // humanoid upright: bounds (0.9, inf), margin 1.9 -> (zz + 1)/1.9 below 0.9
        assertEquals(0.5 / 1.9, tol(-0.5, 0.9, Double.POSITIVE_INFINITY, 1.9, Sigmoid.LINEAR, 0), EPS);
    }

    @Test
    void quadraticIsTheControlPenalty() {
        // bounds (0,0), margin 1, v = 0: 1 - u^2 for |u| < 1, else 0
        assertEquals(1 - 0.36, tol(0.6, 0, 0, 1, Sigmoid.QUADRATIC, 0), EPS);
        assertEquals(1 - 0.36, tol(-0.6, 0, 0, 1, Sigmoid.QUADRATIC, 0), EPS);
        assertEquals(0.0, tol(1.0, 0, 0, 1, Sigmoid.QUADRATIC, 0));
        assertEquals(1.0, tol(0.0, 0, 0, 1, Sigmoid.QUADRATIC, 0));
        // v = 0.75: t = d/2; d = 1.5 -> 1 - 0.5625
        assertEquals(0.4375, tol(1.5, 0, 0, 1, Sigmoid.QUADRATIC, 0.75), EPS);
    }

    @Test
    void tanhSquaredAtTwoMargins() {
        // tanh(2c) = 2t/(1+t^2) with t^2 = 1 - v: s(2) = 1 - 4(1-v)/(2-v)^2; v = 0.1 -> 0.01/3.61
        assertEquals(0.01 / 3.61, tol(2, 0, 0, 1, Sigmoid.TANH_SQUARED, 0.1), 1e-15);
    }

    @Test
    void badParametersAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tol(0, 1, 0, 1, Sigmoid.GAUSSIAN, 0.1));
        assertTrue(e.getMessage().contains("lower bound"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tol(0, 0, 0, -1, Sigmoid.GAUSSIAN, 0.1));
        assertTrue(e.getMessage().contains("margin"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tol(2, 0, 0, 1, Sigmoid.GAUSSIAN, 0));
        assertTrue(e.getMessage().contains("gaussian") && e.getMessage().contains("(0, 1)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tol(2, 0, 0, 1, Sigmoid.LINEAR, 1.0));
        assertEquals(0.0, tol(2, 0, 0, 1, Sigmoid.LINEAR, 0.0)); // 0 is allowed where the curve reaches 0
    }
}
