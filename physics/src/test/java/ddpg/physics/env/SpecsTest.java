package ddpg.physics.env;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.physics.model.Model;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** dm_env-style specs: named observation parts and action bounds of the eleven tasks. */
class SpecsTest {
    /** dm_control's observation keys and shapes (suite/{cartpole,reacher,cheetah,walker,humanoid}.py). */
    static Map<String, Map<String, Integer>> controlSuiteKeys() {
        Map<String, Integer> cartpole = parts("position", 3, "velocity", 2);
        Map<String, Integer> reacher = parts("position", 2, "to_target", 2, "velocity", 2);
        Map<String, Integer> cheetah = parts("position", 8, "velocity", 9);
        Map<String, Integer> walker = parts("orientations", 14, "height", 1, "velocity", 9);
        Map<String, Integer> humanoid = parts("joint_angles", 21, "head_height", 1, "extremities", 12,
                "torso_vertical", 3, "com_velocity", 3, "velocity", 27);
        Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
        m.put("cartpole-swingup", cartpole);
        m.put("cartpole-balance", cartpole);
        m.put("reacher-easy", reacher);
        m.put("reacher-hard", reacher);
        m.put("cheetah-run", cheetah);
        m.put("walker-stand", walker);
        m.put("walker-walk", walker);
        m.put("walker-run", walker);
        m.put("humanoid-stand", humanoid);
        m.put("humanoid-walk", humanoid);
        m.put("humanoid-run", humanoid);
        return m;
    }

    private static Map<String, Integer> parts(Object... nameSize) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < nameSize.length; i += 2) m.put((String) nameSize[i], (Integer) nameSize[i + 1]);
        return m;
    }

    @Test
    void everyTaskHasTheControlSuiteObservationKeysAndUnitActionBounds() {
        Map<String, Map<String, Integer>> expected = controlSuiteKeys();
        assertEquals(Tasks.names(), List.copyOf(expected.keySet()));
        for (String name : Tasks.names()) {
            ControlSuiteEnv env = Tasks.make(name);
            ObservationSpec obs = env.observationSpec();
            Map<String, Integer> want = expected.get(name);
            assertEquals(List.copyOf(want.keySet()), obs.names(), name);
            int sum = 0;
            for (ObservationSpec.Part p : obs.parts()) {
                assertEquals(want.get(p.name()), p.size(), name + " " + p.name());
                assertEquals(sum, p.offset(), name + " " + p.name());
                sum += p.size();
            }
            assertEquals(sum, obs.size(), name);
            assertEquals(env.spec().observationSize(), obs.size(), name);
            assertEquals(obs.size(), env.reset(3).length, name);
            assertEquals(obs, Tasks.observationSpec(name), name);
            assertEquals(obs.toString(), Tasks.layout(name), name);

            ActionSpec act = env.actionSpec();
            Model m = env.model();
            assertEquals(m.nu, act.size(), name);
            assertEquals(env.spec().actionSize(), act.size(), name);
            assertEquals(act, Tasks.actionSpec(name), name);
            for (int i = 0; i < act.size(); i++) {
                assertEquals(-1.0, act.minimum(i), name);
                assertEquals(1.0, act.maximum(i), name);
                // dm_control takes the bounds from the actuators' control ranges: the same numbers
                assertTrue(m.actuatorCtrllimited[i], name + " actuator " + i);
                assertEquals(-1.0, m.actuatorCtrlrange[2 * i], name);
                assertEquals(1.0, m.actuatorCtrlrange[2 * i + 1], name);
            }
            assertEquals(act.size() + " in [-1, 1]", act.toString());
        }
    }

    /** The parts are where observe() writes them: "velocity" is qvel, the walker's "height" the torso's z. */
    @Test
    void partsSliceTheRightEntries() {
        for (String name : Tasks.names()) {
            ControlSuiteEnv env = Tasks.make(name);
            env.reset(5);
            double[] a = new double[env.actionSpec().size()];
            java.util.Arrays.fill(a, 0.3);
            double[] o = env.step(a).observation();
            assertArrayEquals(env.physics().qvel(), env.observationSpec().slice(o, "velocity"), 0.0, name);
        }
        ControlSuiteEnv walker = Tasks.make("walker-walk");
        double[] o = walker.reset(2);
        int torso = walker.model().bodyId("torso");
        assertEquals(walker.physics().xpos()[3 * torso + 2], walker.observationSpec().slice(o, "height")[0], 0.0);
        ControlSuiteEnv cheetah = Tasks.make("cheetah-run");
        o = cheetah.reset(2);
        assertEquals(cheetah.physics().qpos()[1], cheetah.observationSpec().slice(o, "position")[0], 0.0);
    }

    @Test
    void specMistakesAreOneLineErrors() {
        ObservationSpec s = Tasks.observationSpec("walker-run");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.part("heigth"));
        assertEquals("no observation part 'heigth'; parts are [orientations, height, velocity]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.slice(new double[23], "height"));
        assertThrows(IllegalArgumentException.class, () -> new ObservationSpec(List.of(
                new ObservationSpec.Part("a", 0, 2), new ObservationSpec.Part("b", 3, 1))));
        assertThrows(IllegalArgumentException.class, () -> new ActionSpec(new double[] {1}, new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> Tasks.observationSpec("walker-rn"));
        assertEquals("2: [-1, 1] [0, 0.5]", new ActionSpec(new double[] {-1, 0}, new double[] {1, 0.5}).toString());
    }

    /** An environment that names nothing still has specs: one part "observations", bounds -1..1. */
    @Test
    void defaultSpecsOfAnyEnvironment() {
        Environment plain = new Environment() {
            @Override public EnvSpec spec() { return new EnvSpec("plain", 4, 2, 0.1, 1, 10); }
            @Override public double[] reset(long seed) { return new double[4]; }
            @Override public StepResult step(double[] action) { throw new UnsupportedOperationException(); }
            @Override public Model model() { return null; }
        };
        assertEquals("observations 4", plain.observationSpec().toString());
        assertEquals(ActionSpec.unit(2), plain.actionSpec());
    }

    /** The example of physics/README.md, section 6, verbatim apart from returning instead of printing. */
    @Test
    void readmeExampleRunsAnEpisode() {
        ControlSuiteEnv env = Tasks.make("walker-run");
        ObservationSpec obs = env.observationSpec();       // orientations 14, height 1, velocity 9
        ActionSpec act = env.actionSpec();                 // 6 in [-1, 1]
        assertEquals("observation orientations 14, height 1, velocity 9 (24), action 6 in [-1, 1]",
                "observation " + obs + " (" + obs.size() + "), action " + act);
        Random rng = new Random(1);
        double[] a = new double[act.size()];
        env.reset(1);
        double ret = 0;
        StepResult r;
        do {
            for (int i = 0; i < a.length; i++) {
                a[i] = act.minimum(i) + rng.nextDouble() * (act.maximum(i) - act.minimum(i));
            }
            r = env.step(a);
            ret += r.reward();
        } while (!r.last());
        assertEquals(1000, env.stepsTaken());
        assertTrue(r.timeLimit() && !r.diverged());
        assertTrue(ret > 0 && ret < 1000, "return " + ret);
        assertEquals(r.observation()[obs.part("height").offset()], obs.slice(r.observation(), "height")[0]);
    }
}
