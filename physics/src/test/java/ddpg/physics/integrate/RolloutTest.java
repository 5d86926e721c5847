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
 * cheetah/walker/humanoid 100 steps. {@code validate}'s own criteria must pass, and the whole replay stays within
 * about 100x the worst state error measured.
 */
class RolloutTest {
    static final java.util.Map<String, Double> BOUND = java.util.Map.of("cartpole", 1e-12, "reacher", 5e-13,
            "cheetah", 1e-11, "walker", 1e-11, "humanoid", 2e-10);

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
        ddpg.physics.Accuracy.check("rollout " + name + " " + r.error().length + " steps", worst, BOUND.get(name));
    }
}
