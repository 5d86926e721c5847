import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.DeterministicPolicy;
import ddpg.rl.train.Evaluator;
import ddpg.rl.train.PolicyFiles;
import java.nio.file.Path;

/**
 * Where a cartpole-swingup policy loses return: replays a run's 10 evaluation episodes (the same initial states as
 * its evaluations) with its final actor and prints the return, the mean squared action, the mean |cart position|,
 * when the pole first comes within 5.7 degrees of upright (cos > 0.995), how many later steps it spends
 * outside that, and the return, action and position on the upright steps. The task's reward is
 * upright x centered x small_control x small_velocity, so a policy that balances away from the centre or with large
 * actions loses a little on every balanced step. Run from the repository root after building ddpg.jar:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ddpg.jar docs/results/tools/CartpoleBalance.java RUN_DIR...
 * </pre>
 */
public class CartpoleBalance {
    public static void main(String[] runs) throws Exception {
        for (String run : runs) {
            DeterministicPolicy mu = new DeterministicPolicy(PolicyFiles.load(Path.of(run)));
            ControlSuiteEnv env = Tasks.make("cartpole-swingup");
            long seed = Long.parseLong(run.replaceAll(".*-s([0-9]+)/?$", "$1")); // sweep cells end in -s<seed>
            double ret = 0, u2 = 0, absX = 0, rewardUp = 0, u2Up = 0, absXUp = 0;
            int steps = 0, upright = 0, firstUpright = 0, tilted = 0;
            double[] u = new double[1];
            for (int k = 0; k < 10; k++) {
                double[] obs = env.reset(Evaluator.episodeSeed(seed, k)); // [x, cos, sin, x', theta']
                StepResult r;
                int t = 0;
                boolean reached = false;
                do {
                    mu.act(obs, u);
                    r = env.step(u);
                    obs = r.observation();
                    ret += r.reward();
                    u2 += u[0] * u[0];
                    absX += Math.abs(obs[0]);
                    steps++;
                    if (obs[1] > 0.995 && !reached) {
                        reached = true;
                        firstUpright += t;
                    }
                    t++;
                    if (reached && obs[1] <= 0.995) tilted++;
                    if (obs[1] > 0.995) {
                        upright++;
                        rewardUp += r.reward();
                        u2Up += u[0] * u[0];
                        absXUp += Math.abs(obs[0]);
                    }
                } while (!r.last());
            }
            System.out.printf("%s: return %.1f, mean u^2 %.3f, mean |x| %.3f; first upright at step %.0f, then %.0f"
                    + " steps off upright; upright %.0f steps per episode: reward per step %.3f, u^2 %.3f, |x| %.3f%n",
                    Path.of(run).getFileName(), ret / 10, u2 / steps, absX / steps, firstUpright / 10.0, tilted / 10.0,
                    upright / 10.0, rewardUp / upright, u2Up / upright, absXUp / upright);
        }
    }
}
