import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.train.Checkpoint;
import ddpg.rl.train.Evaluator;
import ddpg.rl.train.RunConfig;
import ddpg.rl.train.WeightFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How far a run's critic is from the truth: loads the newest checkpoint of each run folder given (critic and actor
 * together), replays the run's 10 evaluation episodes (the same initial states as its evaluations) with the actor,
 * and compares the critic's Q(s_t, mu(s_t)) with the discounted return the actor then actually collects from s_t,
 * G_t = sum_k gamma^k r_(t+k), over the first 500 steps of each episode (where cutting the sum at the episode's end
 * changes it by at most gamma^500 / (1 - gamma) = 0.66 for rewards in [0, 1]). A critic that tracks its policy has
 * Q close to G; DDPG's known failure is Q above G. Run from the repository root after building ddpg.jar:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ddpg.jar docs/results/tools/QCheck.java RUN_DIR...
 * </pre>
 */
public class QCheck {
    public static void main(String[] runs) throws Exception {
        for (String run : runs) {
            Path dir = Path.of(run);
            RunConfig config = RunConfig.read(dir.resolve("config.json"));
            String task = config.run.task;
            ControlSuiteEnv env = Tasks.make(task);
            int obsSize = env.spec().observationSize(), actSize = env.spec().actionSize();
            DdpgAgent agent = new DdpgAgent(obsSize, actSize, config.agent, 0);
            Path checkpoint = Checkpoint.latest(dir);
            WeightFiles.load(checkpoint.resolve(Checkpoint.AGENT_FILE), agent.stateTensors(), "use a run folder with a checkpoint");
            agent.critic().eval(); // one state at a time: batch norm uses its running statistics, as the actor does
            double gamma = config.agent.gamma;
            long seed = config.run.seed;
            double sumQ = 0, sumG = 0, q0 = 0, g0 = 0, ret = 0;
            int counted = 0;
            for (int k = 0; k < 10; k++) {
                double[] obs = env.reset(Evaluator.episodeSeed(seed, k));
                double[] q = new double[1000], r = new double[1000];
                double[] action = new double[actSize];
                int t = 0;
                StepResult step;
                do {
                    if (t == q.length) { // a task with episodes longer than 1,000 steps
                        q = java.util.Arrays.copyOf(q, 2 * t);
                        r = java.util.Arrays.copyOf(r, 2 * t);
                    }
                    agent.act(obs, action);
                    q[t] = criticValue(agent, obs, action);
                    step = env.step(action);
                    r[t] = step.reward();
                    obs = step.observation();
                    t++;
                } while (!step.last());
                double g = 0;
                double[] returns = new double[t];
                for (int i = t - 1; i >= 0; i--) returns[i] = g = r[i] + gamma * g;
                for (int i = 0; i < Math.min(500, t); i++) {
                    sumQ += q[i];
                    sumG += returns[i];
                    counted++;
                }
                q0 += q[0];
                g0 += returns[0];
                for (int i = 0; i < t; i++) ret += r[i];
            }
            System.out.printf("%s (%s): evaluation return %.1f; over steps 0-499: mean Q %.1f, mean G %.1f"
                    + " (Q - G %+.1f); at the start: Q %.1f, G %.1f%n", dir.getFileName(), checkpoint.getFileName(),
                    ret / 10, sumQ / counted, sumG / counted, (sumQ - sumG) / counted, q0 / 10, g0 / 10);
        }
    }

    private static double criticValue(DdpgAgent agent, double[] obs, double[] action) {
        float[] s = new float[obs.length], a = new float[action.length];
        for (int i = 0; i < s.length; i++) s[i] = (float) obs[i];
        for (int i = 0; i < a.length; i++) a[i] = (float) action[i];
        try (NoGrad constant = NoGrad.enter()) {
            return agent.critic().forward(Tensor.wrap(s, 1, s.length), Tensor.wrap(a, 1, a.length)).item();
        }
    }
}
