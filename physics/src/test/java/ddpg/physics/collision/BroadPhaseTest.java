package ddpg.physics.collision;

import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The static pair filters on the compiled oracle models. */
class BroadPhaseTest {
    static Set<String> pairs(Model m) {
        BroadPhase b = new BroadPhase(m);
        Set<String> s = new HashSet<>();
        for (int k = 0; k < b.npair; k++) s.add(m.geomName[b.pairG1[k]] + "/" + m.geomName[b.pairG2[k]]);
        return s;
    }

    @Test
    void walkerOnlyTouchesTheFloor() {
        // body geoms have conaffinity 0 and contype 1, the floor conaffinity 1: only floor pairs, 7 of them
        Set<String> s = pairs(OracleRecords.load("walker").m);
        assertEquals(7, s.size());
        assertTrue(s.contains("floor/left_foot"));
    }

    @Test
    void humanoidFilters() {
        Set<String> s = pairs(OracleRecords.load("humanoid").m);
        assertFalse(s.contains("torso/upper_waist"), "same body");
        assertFalse(s.contains("torso/head"), "head has no joint: welded to the torso");
        assertFalse(s.contains("torso/lower_waist"), "parent and child weld bodies");
        assertFalse(s.contains("right_lower_arm/right_hand"), "hand welded to the lower arm");
        assertFalse(s.contains("right_upper_arm/right_hand"), "hand's weld body is the lower arm, child of the upper arm");
        assertTrue(s.contains("torso/left_hand") || s.contains("left_hand/torso"), "sphere first: left_hand/torso");
        assertTrue(s.contains("left_hand/torso"), "lower geom type first");
        assertTrue(s.contains("floor/torso"), "children of the world still touch world geoms");
        assertTrue(s.contains("right_thigh/left_thigh"));
    }

    @Test
    void excludedBodiesNeverCollide() {
        Model m = OracleRecords.load("humanoid").m;
        int b1 = m.bodyId("right_thigh"), b2 = m.bodyId("left_thigh");
        m.excludeBody1 = new int[]{b2};
        m.excludeBody2 = new int[]{b1};
        assertFalse(pairs(m).contains("right_thigh/left_thigh"));
    }

    @Test
    void unsupportedPairIsAClearError() {
        Model m = OracleRecords.load("cartpole").m;   // rail capsules vs cart box, contacts disabled in the file
        assertTrue(new Collision(m).disabled());
        m.optDisableflags = 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Collision(m));
        assertTrue(e.getMessage().contains("no collision function for geom pair rail1 / cart"), e.getMessage());
    }
}
