package example;

import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.Actor;
import ddpg.rl.train.PolicyFiles;
import java.nio.file.Path;

/**
 * Loads the policy a ddpg training run exported (its run folder's actor.safetensors, or its latest checkpoint),
 * runs one episode of its task with it, and prints the return.
 *
 * <pre>java -cp target/classes:$(cat target/classpath.txt) example.RunPolicy runs/cartpole-swingup-s1-&lt;time&gt; cartpole-swingup</pre>
 */
public final class RunPolicy {
    public static void main(String[] args) throws Exception {
        Path run = Path.of(args[0]);
        String task = args[1];
        Actor actor = PolicyFiles.load(run);               // eval mode: batch norm (if any) uses its running statistics
        ControlSuiteEnv env = Tasks.make(task);
        float[] row = new float[actor.obsSize()];
        Tensor state = Tensor.wrap(row, 1, row.length);    // a batch of one observation
        double[] obs = env.reset(42), action = new double[actor.actSize()];
        double episodeReturn = 0;
        for (boolean last = false; !last; ) {
            for (int i = 0; i < row.length; i++) row[i] = (float) obs[i];
            try (NoGrad acting = NoGrad.enter()) {         // acting needs values only: no graph is recorded
                float[] mu = actor.forward(state).data();
                for (int i = 0; i < action.length; i++) action[i] = mu[i];
            }
            StepResult step = env.step(action);
            episodeReturn += step.reward();
            obs = step.observation();
            last = step.last();
        }
        System.out.printf("%s: return %.1f over one episode%n", task, episodeReturn);
    }
}
