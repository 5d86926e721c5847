package ddpg.physics.env;

import ddpg.physics.tasks.Task;
import static org.junit.jupiter.api.Assertions.*;

import ddpg.physics.validate.ModelFields;
import java.util.List;
import org.junit.jupiter.api.Test;

class TasksRegistryTest {
    @Test
    void elevenTasksInOrder() {
        assertEquals(List.of("cartpole-swingup", "cartpole-balance", "reacher-easy", "reacher-hard", "cheetah-run",
                "walker-stand", "walker-walk", "walker-run", "humanoid-stand", "humanoid-walk", "humanoid-run"),
                Tasks.names());
    }

    @Test
    void unknownNameIsOneLineWithClosestMatchAndAllNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tasks.spec("walker-rn"));
        String msg = e.getMessage();
        assertFalse(msg.contains("\n"), msg);
        assertTrue(msg.startsWith("unknown task 'walker-rn'; did you mean 'walker-run'?"), msg);
        for (String n : Tasks.names()) assertTrue(msg.contains(n), msg);
        assertTrue(Tasks.unknownMessage("humanoid_walk").contains("did you mean 'humanoid-walk'"));
        assertTrue(Tasks.unknownMessage("cheetah").contains("did you mean 'cheetah-run'"));
        assertFalse(Tasks.unknownMessage("pendulum-swingup-and-balance-forever").contains("did you mean"));
        assertThrows(IllegalArgumentException.class, () -> Tasks.make("nope"));
        assertThrows(IllegalArgumentException.class, () -> Tasks.spec(null));
    }

    @Test
    void namesAreCaseAndSpaceTolerant() {
        assertEquals("walker-run", Tasks.spec(" Walker-Run ").name());
        assertEquals("walker-run", Tasks.task(" Walker-Run ", ModelFields.loadResource("/oracle/walker")).name());
    }

    /** The static table agrees with what each task computes from the real MuJoCo compiled model. */
    @Test
    void specTableMatchesTheTasksOnTheOracleModels() {
        for (String name : Tasks.names()) {
            Task t = Tasks.task(name, ModelFields.loadResource("/oracle/" + Tasks.domain(name)));
            EnvSpec s = Tasks.spec(name);
            assertEquals(t.observationSize(), s.observationSize(), name);
            assertEquals(t.model().nu, s.actionSize(), name);
            assertEquals(t.substeps(), s.substeps(), name);
            assertEquals(t.model().optTimestep * t.substeps(), s.controlTimestep(), 1e-15, name);
            assertEquals(1000, t.episodeLength(), name);
            assertEquals(1000, s.episodeLength(), name);
        }
    }
}
