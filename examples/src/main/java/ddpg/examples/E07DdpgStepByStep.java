package ddpg.examples;

import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.engine.ops.Losses;
import ddpg.engine.optim.Adam;
import ddpg.engine.optim.TargetUpdate;
import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.StepResult;
import ddpg.physics.env.Tasks;
import ddpg.rl.ddpg.DdpgAgent;
import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.ddpg.Presets;
import ddpg.rl.noise.GaussianNoise;
import ddpg.rl.replay.Batch;
import ddpg.rl.replay.ReplayBuffer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Example 7: one DDPG update (Lillicrap et al. 2015, Algorithm 1) on cartpole, every quantity printed next to the
 * equation it implements. The same update is what {@code DdpgAgent.update} does in the library; at the end a second
 * agent with the same seed runs that method, and every weight is compared bit for bit with ours.
 *
 * <p>The replay buffer holds ONE transition, so the minibatch is that transition repeated N times and every mean
 * over the batch equals the single value: the numbers stay small enough to follow by hand.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp ddpg.jar:examples/target/classes ddpg.examples.E07DdpgStepByStep}
 */
public final class E07DdpgStepByStep {
    private E07DdpgStepByStep() {}

    /** Everything the walk-through computed; "before" maps are copies of network weights before the update. */
    public record Result(double[] s, double[] a, double r, double discount, double[] s2, double gamma, double tau,
                         float y, float q, float criticLoss, float dQda, float muS, float actorBiasGrad,
                         float targetBefore, float onlineAfter, float targetAfter, boolean sameAsAgentUpdate,
                         Map<String, float[]> targetActorBefore, Map<String, float[]> targetCriticBefore,
                         Map<String, float[]> criticBefore) {}

    @SuppressWarnings("try") // scopes (Arena, NoGrad) are used only for their open/close
    public static Result run(long seed, boolean print) {
        DdpgConfig cfg = Presets.defaults();   // gamma 0.99, tau 0.005, Adam 3e-4, final layers +-3e-3
        cfg.hidden = new int[] {64, 64};
        cfg.batch = 4;
        cfg.buffer = 100;
        float gamma = (float) cfg.gamma, tau = (float) cfg.tau;
        ControlSuiteEnv env = Tasks.make("cartpole-balance");
        int obsSize = env.spec().observationSize(), actSize = env.spec().actionSize();
        DdpgAgent agent = new DdpgAgent(obsSize, actSize, cfg, seed);      // mu, Q, and targets mu' <- mu, Q' <- Q

        // ---- 1. Act and store: a = clip(mu(s) + N), execute a, observe r and s', store (s, a, r, s') in R.
        double[] s = env.reset(seed), a = new double[actSize], eps = new double[actSize];
        agent.act(s, a);
        float muS = (float) a[0];
        new GaussianNoise(cfg.noiseSigma, seed).sample(eps);
        for (int j = 0; j < actSize; j++) a[j] = Math.max(-1, Math.min(1, a[j] + eps[j]));
        StepResult res = env.step(a);
        ReplayBuffer replay = new ReplayBuffer(cfg.buffer, obsSize, actSize);
        replay.add(s, a, res.reward(), res.discount(), res.observation());
        say(print, "1. transition  s = %s%n   a = clip(mu(s) + N) = clip(%.5f + %.5f) = %.5f,  r = %.5f,  discount = %.0f%n"
                + "   s' = %s%n", fmt(s), muS, eps[0], a[0], res.reward(), res.discount(), fmt(res.observation()));

        // ---- 2. Sample a minibatch of N transitions from R (here N copies of the one we stored).
        Batch batch = new Batch(cfg.batch, obsSize, actSize);
        replay.sample(batch, new Rng(seed));
        Tensor bs = Tensor.wrap(batch.obs, cfg.batch, obsSize), ba = Tensor.wrap(batch.act, cfg.batch, actSize);
        Tensor br = Tensor.wrap(batch.rew, cfg.batch, 1), bd = Tensor.wrap(batch.disc, cfg.batch, 1);
        Tensor bs2 = Tensor.wrap(batch.nextObs, cfg.batch, obsSize);
        Map<String, float[]> taBefore = copy(agent.targetActor().stateDict()), tcBefore = copy(agent.targetCritic().stateDict());
        Map<String, float[]> cBefore = copy(agent.critic().stateDict());
        say(print, "2. minibatch: N = %d transitions drawn uniformly from R, which holds %d: every row is the one above%n",
                cfg.batch, replay.size());

        // ---- 3. Critic target y = r + gamma * discount * Q'(s', mu'(s')). Constants: no graph (NoGrad).
        Tensor y, nextQ, nextA;
        try (NoGrad targetsAreConstants = NoGrad.enter()) {
            nextA = agent.targetActor().forward(bs2);
            nextQ = agent.targetCritic().forward(bs2, nextA);
            y = br.add(bd.mul(nextQ).scale(gamma));
        }
        say(print, "3. y = r + gamma Q'(s', mu'(s')) = %.5f + %.2f * %.0f * Q'(s', %.5f) = %.5f + %.2f * %.7f = %.7f%n",
                br.get(0, 0), gamma, bd.get(0, 0), nextA.get(0, 0), br.get(0, 0), gamma, nextQ.get(0, 0), y.get(0, 0));

        // ---- 4. Critic loss L = 1/N sum_i (y_i - Q(s_i, a_i))^2, one Adam step on theta^Q.
        Adam criticAdam = new Adam(agent.critic().namedParameters(), cfg.criticLr).weightDecay(cfg.criticL2);
        Adam actorAdam = new Adam(agent.actor().namedParameters(), cfg.actorLr);
        Tensor q = agent.critic().forward(bs, ba);
        Tensor criticLoss = Losses.mse(q, y);
        float qv = q.get(0, 0), lossV = criticLoss.item();
        criticAdam.zeroGrad();
        criticLoss.backward();
        criticAdam.step();
        say(print, "4. L = 1/N sum (y - Q(s, a))^2 = (%.7f - %.7f)^2 = %.3e; Adam step on the critic%n", y.get(0, 0), qv, lossV);

        // ---- 5. Actor: grad J = 1/N sum grad_a Q(s, a)|a=mu(s) * grad_theta mu(s), with the critic just updated
        //         (Algorithm 1's order). First grad_a Q alone, for show:
        agent.critic().setRequiresGrad(false);                     // freeze the critic: gradients only flow THROUGH it
        Tensor muB;
        try (NoGrad values = NoGrad.enter()) { muB = agent.actor().forward(bs); }
        Tensor aLeaf = Tensor.copyOf(muB).requiresGrad(true);
        agent.critic().forward(bs, aLeaf).mean().backward();
        float dQda = aLeaf.gradAt(0, 0) * cfg.batch;               // the mean split it N ways; per transition:
        // ... then the real thing: minimise -mean Q(s, mu(s)), backpropagating through critic and actor.
        Tensor actorLoss = agent.critic().forward(bs, agent.actor().forward(bs)).mean().neg();
        actorAdam.zeroGrad();
        actorLoss.backward();
        String lastBias = lastKey(agent.actor().namedParameters(), "bias");
        float biasGrad = agent.actor().namedParameters().get(lastBias).grad()[0];
        float mu = muB.get(0, 0);
        actorAdam.step();
        agent.critic().setRequiresGrad(true);
        say(print, "5. dQ/da at a = mu(s) = %.5f: %.7f;  chain rule to the actor's last bias (before tanh):%n"
                + "   d(-Q)/db = -dQ/da (1 - mu^2) = %.7e;  backward() gave %.7e; Adam step on the actor%n",
                mu, dQda, -dQda * (1 - mu * mu), biasGrad);

        // ---- 6. Soft target updates theta' <- tau theta + (1 - tau) theta'.
        String w = agent.critic().namedParameters().keySet().iterator().next();
        float[] targetW = agent.targetCritic().stateDict().get(w).data(), onlineW = agent.critic().stateDict().get(w).data();
        int k = 0;
        while (k < onlineW.length - 1 && onlineW[k] == targetW[k]) k++; // show a weight the step moved: some get a zero gradient
        float before = targetW[k], online = onlineW[k];
        new TargetUpdate(agent.targetCritic(), agent.critic()).soft(tau);
        new TargetUpdate(agent.targetActor(), agent.actor()).soft(tau);
        float after = agent.targetCritic().stateDict().get(w).get(k);
        say(print, "6. theta' <- tau theta + (1 - tau) theta'   (critic '%s'[%d]):%n   %.3f * %.8f + %.3f * %.8f = %.8f%n",
                w, k, tau, online, 1 - tau, before, after);

        // ---- 7. The library's one-call version on an identical agent must land on the same weights, bit for bit.
        DdpgAgent twin = new DdpgAgent(obsSize, actSize, cfg, seed);
        twin.update(replay);
        boolean same = sameWeights(agent, twin) && twin.lastCriticLoss() == lossV && twin.lastActorLoss() == actorLoss.item();
        say(print, "7. DdpgAgent.update on a twin agent: critic loss %.3e, actor loss %.7f, all weights identical: %s%n",
                twin.lastCriticLoss(), twin.lastActorLoss(), same);
        return new Result(s, a, res.reward(), res.discount(), res.observation(), gamma, tau, y.get(0, 0), qv, lossV, dQda,
                mu, biasGrad, before, online, after, same, taBefore, tcBefore, cBefore);
    }

    private static boolean sameWeights(DdpgAgent x, DdpgAgent y) {
        Map<String, Tensor> a = x.stateTensors(), b = y.stateTensors();
        for (String k : a.keySet()) {
            if (k.contains("adam")) continue;   // our walk-through used its own Adam instances
            if (!Arrays.equals(a.get(k).data(), b.get(k).data())) return false;
        }
        return true;
    }

    static Map<String, float[]> copy(Map<String, Tensor> m) {
        Map<String, float[]> c = new LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, v.toArray()));
        return c;
    }

    private static String lastKey(Map<String, Tensor> m, String suffix) {
        String last = null;
        for (String k : m.keySet()) if (k.endsWith(suffix)) last = k;
        return last;
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%+.4f", v[i]));
        return b.append(']').toString();
    }

    private static void say(boolean print, String format, Object... args) {
        if (print) System.out.printf(Locale.ROOT, format + "%n", args);
    }

    public static void main(String[] args) {
        System.out.println("One DDPG update on cartpole-balance (actor and critic 64-64, minibatch of 4 copies of one transition)\n");
        run(args.length > 0 ? Long.parseLong(args[0]) : 1, true);
    }
}
