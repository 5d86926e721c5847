import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.train.Checkpoint;
import ddpg.rl.train.Evaluator;
import ddpg.rl.train.RunConfig;
import ddpg.rl.train.WeightFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a run's actor has saturated: loads the newest checkpoint of each run folder given, replays the run's 10
 * evaluation episodes (the same initial states as its evaluations) and counts the action components at the bounds
 * (|a| above 0.999, where tanh has no slope left) and the distinct actions taken. A saturated actor sends the same
 * bang-bang action whatever the state, so every evaluation replays the same episodes and returns the same number.
 * Run from the repository root after building ddpg.jar:
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ddpg.jar docs/results/tools/ActionSaturation.java RUN_DIR...
 * </pre>
 */
public class ActionSaturation {
    public static void main(String[] runs) throws Exception {
        for (String run : runs) {
            Path dir = Path.of(run);
            RunConfig config = RunConfig.read(dir.resolve("config.json"));
            ControlSuiteEnv env = Tasks.make(config.run.task);
            int actSize = env.spec().actionSize();
            DdpgAgent agent = new DdpgAgent(env.spec().observationSize(), actSize, config.agent, 0);
            Path checkpoint = Checkpoint.latest(dir);
            WeightFiles.load(checkpoint.resolve(Checkpoint.AGENT_FILE), agent.stateTensors(), "use a run folder with a checkpoint");
            long components = 0, atBound = 0;
            double ret = 0;
            Map<String, Integer> actions = new LinkedHashMap<>(); // each action rounded to 3 decimals, and how often
            double[] action = new double[actSize];
            for (int k = 0; k < 10; k++) {
                double[] obs = env.reset(Evaluator.episodeSeed(config.run.seed, k));
                StepResult step;
                do {
                    agent.act(obs, action);
                    StringBuilder key = new StringBuilder();
                    for (double a : action) {
                        components++;
                        if (Math.abs(a) > 0.999) atBound++;
                        key.append(String.format("%.3f ", a));
                    }
                    actions.merge(key.toString().trim(), 1, Integer::sum);
                    step = env.step(action);
                    ret += step.reward();
                    obs = step.observation();
                } while (!step.last());
            }
            Map.Entry<String, Integer> commonest = actions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            System.out.printf("%s (%s): evaluation return %.1f; %.1f%% of action components at +-1; %d distinct actions,"
                    + " the commonest [%s] in %d steps%n", dir.getFileName(), checkpoint.getFileName(), ret / 10,
                    100.0 * atBound / components, actions.size(), commonest.getKey(), commonest.getValue());
        }
    }
}
