package ddpg.engine.perf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DDPG-shaped update on small networks: runs, learns something, and is bit-for-bit reproducible from its seed. */
class DdpgShapedUpdateTest {
    private static float[] run(long seed, int updates) {
        DdpgShapedUpdate d = new DdpgShapedUpdate(5, 2, 16, 12, 8, seed);
        for (int i = 0; i < updates; i++) d.update();
        return new float[] {d.lastCriticLoss(), d.lastActorLoss()};
    }

    @Test void sameSeedSameLosses() {
        float[] a = run(3, 30), b = run(3, 30);
        assertEquals(a[0], b[0], 0f);
        assertEquals(a[1], b[1], 0f);
        assertNotEquals(a[0], run(4, 30)[0]);
        assertTrue(Float.isFinite(a[0]) && Float.isFinite(a[1]));
    }

    @Test void actorLossFallsAsTheActorClimbsTheCritic() {
        DdpgShapedUpdate d = new DdpgShapedUpdate(5, 2, 16, 12, 8, 1);
        d.update();
        float first = d.lastActorLoss();
        for (int i = 0; i < 200; i++) d.update();
        assertTrue(d.lastActorLoss() < first, first + " -> " + d.lastActorLoss());
        assertEquals(0, d.subnormalCount());
    }
}
