package ddpg.physics.integrate;

import ddpg.physics.model.Model;
import ddpg.physics.validate.OracleCsv;
import ddpg.physics.validate.PipelineFixtures;
import ddpg.physics.validate.RolloutValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the fixture rollouts (random controls from a perturbed qpos0): cartpole and reacher 300 steps,
 * cheetah/walker/humanoid 100 steps. Within 1e-6 while no constraint is active, and within 1e-5 over the first
 * 100 steps whatever happens; for these short fixtures we hold the whole replay to 1e-8.
 */
class RolloutTest {
    @ParameterizedTest
    @ValueSource(strings = {"cartpole", "reacher", "cheetah", "walker", "humanoid"})
    void rolloutStaysOnMujocosTrajectory(String name) {
        Model m = PipelineFixtures.model(name);
        OracleCsv csv = PipelineFixtures.rollout(name);
        RolloutValidator.Result r = new RolloutValidator(m).validate(csv);
        assertTrue(r.passed(), name + ": rollout failed, smooth part " + r.maxSmoothError() + ", first 100 steps "
                + r.maxEarlyError());
        double worst = 0;
        for (double e : r.error()) worst = Math.max(worst, e);
        assertTrue(worst <= 1e-8, name + ": diverged by " + worst + " within " + r.error().length + " steps");
    }
}
