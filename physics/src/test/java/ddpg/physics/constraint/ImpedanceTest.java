package ddpg.physics.constraint;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** solimp / solref formulas on values worked out by hand. */
class ImpedanceTest {
    static final double EPS = 1e-12;
    static final double[] DEFAULT_SOLIMP = {0.9, 0.95, 0.001, 0.5, 2};

    @Test
    void impedanceFollowsTheTwoPieceCurve() {
        assertEquals(0.9, Impedance.impedance(DEFAULT_SOLIMP, 0, 0), EPS);
        // x = 0.25 <= mid: y = x^2 / mid = 0.125 -> 0.9 + 0.125 * 0.05
        assertEquals(0.90625, Impedance.impedance(DEFAULT_SOLIMP, 0, -0.00025), EPS);
        // x = 0.75 > mid: y = 1 - (1-x)^2 / (1-mid) = 0.875 -> 0.9 + 0.875 * 0.05
        assertEquals(0.94375, Impedance.impedance(DEFAULT_SOLIMP, 0, -0.00075), EPS);
        // symmetric in the sign of the violation, saturates at width
        assertEquals(0.94375, Impedance.impedance(DEFAULT_SOLIMP, 0, 0.00075), EPS);
        assertEquals(0.95, Impedance.impedance(DEFAULT_SOLIMP, 0, -0.5), EPS);
    }

    @Test
    void impedanceIsClampedAwayFromZeroAndOne() {
        double[] limitSolimp = {0, 0.99, 0.01, 0.5, 2};      // walker/humanoid joint limits
        assertEquals(1e-4, Impedance.impedance(limitSolimp, 0, 0), EPS);
        double[] hard = {1, 1, 0.01, 0.5, 2};
        assertEquals(0.9999, Impedance.impedance(hard, 0, -0.003), EPS);
        assertEquals(0.9999, Impedance.dmax(hard, 0), EPS);
    }

    @Test
    void referenceStiffnessAndDamping() {
        double[] solref = {0.02, 1};
        // timeconst 0.02 >= 2 dt: b = 2 / (0.95 * 0.02), k = 1 / (0.95^2 0.02^2)
        assertEquals(2 / (0.95 * 0.02), Impedance.damping(solref, 0, 0.95, 0.005, true), EPS);
        assertEquals(1 / (0.95 * 0.95 * 0.0004), Impedance.stiffness(solref, 0, 0.95, 0.005, true), 1e-9);
        // reacher: dt 0.02 raises timeconst to 0.04 (refsafe), unless disabled
        assertEquals(2 / (0.95 * 0.04), Impedance.damping(solref, 0, 0.95, 0.02, true), EPS);
        assertEquals(2 / (0.95 * 0.02), Impedance.damping(solref, 0, 0.95, 0.02, false), EPS);
        // damping ratio 0.5 quadruples the stiffness
        double[] underdamped = {0.02, 0.5};
        assertEquals(4 / (0.95 * 0.95 * 0.0004), Impedance.stiffness(underdamped, 0, 0.95, 0.005, true), 1e-8);
    }

    @Test
    void negativeSolrefGivesStiffnessAndDampingDirectly() {
        double[] direct = {-100, -10};
        assertEquals(100 / 0.81, Impedance.stiffness(direct, 0, 0.9, 0.01, true), EPS);
        assertEquals(10 / 0.9, Impedance.damping(direct, 0, 0.9, 0.01, true), EPS);
    }
}
