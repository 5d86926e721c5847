package ddpg.examples;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class E06CapsuleDropTest {
    @Test
    void freeFallLosesExactlyTheSemiImplicitEulerDrift() {
        E06CapsuleDrop.Result r = E06CapsuleDrop.run(0.4, 0.04, false);
        double m = r.mass(), g = r.g(), h = 0.002, e0 = r.samples().get(0).energy();
        assertEquals(3.727, m, 1e-3, "capsule volume pi r^2 L + 4/3 pi r^3 at 1000 kg/m^3");
        for (E06CapsuleDrop.Sample s : r.samples()) {
            assertEquals(0, s.contacts(), "no contact before t = 0.4 s (the capsule starts 1 m up)");
            // z_{n+1} = z_n + h v_{n+1}, v_{n+1} = v_n - g h  =>  E_n = E_0 - 1/2 m g^2 h t_n
            assertEquals(e0 - 0.5 * m * g * g * h * s.time(), s.energy(), 1e-9 * e0, "energy at t = " + s.time());
            assertEquals(-g * s.time(), s.vz(), 1e-9, "v = -g t");
        }
    }

    @Test
    void capsuleComesToRestLyingOnTheFloor() {
        E06CapsuleDrop.Result r = E06CapsuleDrop.run(1.0, 0.04, false);
        E06CapsuleDrop.Sample last = r.last();
        assertEquals(2, last.contacts(), "lying flat: one contact per end cap");
        assertTrue(last.z() < E06CapsuleDrop.RADIUS && last.z() > E06CapsuleDrop.RADIUS - 1e-3,
                "resting height " + last.z() + " should be the radius minus a soft-contact penetration under 1 mm");
        assertEquals(E06CapsuleDrop.RADIUS + last.minDist(), last.z(), 1e-6, "a flat capsule's centre is radius + distance above the floor");
        assertEquals(0, last.vz(), 1e-6);
        assertTrue(last.kinetic() < 1e-9, "at rest, kinetic energy " + last.kinetic());
        assertEquals(r.mass() * r.g(), last.normalForce(), 1e-4 * r.mass() * r.g(), "normal forces carry the weight");
        assertEquals(r.mass() * r.g() * last.z(), last.potential(), 1e-9, "V = m g z");
        boolean sawOne = r.samples().stream().anyMatch(s -> s.contacts() == 1);
        assertTrue(sawOne, "the tilted capsule lands on one end first");
    }
}
