package ddpg.engine.perf;

import ddpg.engine.Arena;
import ddpg.engine.Rng;
import ddpg.engine.Tensor;
import ddpg.engine.autograd.NoGrad;
import ddpg.engine.kernels.Kernels;
import ddpg.engine.nn.CompositeModule;
import ddpg.engine.nn.Linear;
import ddpg.engine.nn.Mlp;
import ddpg.engine.nn.Sequential;
import ddpg.engine.ops.Arithmetic;
import ddpg.engine.ops.Losses;
import ddpg.engine.optim.Adam;
import ddpg.engine.optim.Subnormals;
import ddpg.engine.optim.TargetUpdate;
import ddpg.engine.ops.Shapes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A DDPG update with the engine alone, on random minibatches: the same networks and steps as the PyTorch peer
 * (shared/tools/peers/torch_ddpg.py), so the two can be timed against each other, and a long run shows whether
 * updates per second stay flat (no slow-down from float32 subnormals).
 * <pre>
 *   actor : obs -> Linear h1 -> BN -> ReLU -> Linear h2 -> BN -> ReLU -> Linear act (+-3e-3) -> tanh
 *   critic: obs -> Linear h1 -> ReLU -> concat(action) -> Linear h2 -> ReLU -> Linear 1 (+-3e-3)
 *   one update = target forward (no grad, eval mode), critic MSE step (Adam 1e-3, L2 1e-2),
 *                actor step (-Q(s, mu(s)).mean(), Adam 1e-4, critic frozen), soft target updates (tau 0.005)
 * </pre>
 * Run: {@code java --add-modules jdk.incubator.vector -cp engine/target/classes ddpg.engine.perf.DdpgShapedUpdate
 * [obs act batch updates block]} (defaults 24 6 64 20000 1000: the walker sizes).
 */
public final class DdpgShapedUpdate {
    /** Critic: Q(s, a) with the action joining after the first layer. */
    static final class Critic extends CompositeModule {
        final Linear l1, l2, l3;
        final boolean fusedConcat;

        Critic(int obs, int act, int h1, int h2, Rng rng, boolean fusedConcat) {
            this.fusedConcat = fusedConcat;
            l1 = add("l1", new Linear(obs, h1, rng));
            l2 = add("l2", new Linear(h1 + act, h2, rng));
            l3 = add("l3", Linear.finalLayer(h2, 1, 3e-3f, rng));
        }

        Tensor forward(Tensor s, Tensor a) {
            Tensor h = l1.forward(s).relu();
            Tensor joint = fusedConcat ? l2.forwardConcat(h, a) : l2.forward(Shapes.concatColumns(h, a));
            return l3.forward(joint.relu());
        }
    }

    private final Sequential actor, targetActor;
    private final Critic critic, targetCritic;
    private final Adam actorOpt, criticOpt;
    private final TargetUpdate actorSync, criticSync;
    private final Arena arena = new Arena();
    private final List<Tensor[]> batches = new ArrayList<>();
    private final float gamma = 0.99f, tau = 0.005f;
    private int next;
    private float lastCriticLoss, lastActorLoss;

    public DdpgShapedUpdate(int obs, int act, int h1, int h2, int batch, long seed) {
        this(obs, act, h1, h2, batch, seed, true);
    }

    /** {@code fusedConcat = false} feeds the critic concat + Linear instead of Linear.forwardConcat (for comparisons). */
    public DdpgShapedUpdate(int obs, int act, int h1, int h2, int batch, long seed, boolean fusedConcat) {
        Rng rng = new Rng(seed);
        actor = actorNet(obs, act, h1, h2, rng);
        targetActor = actorNet(obs, act, h1, h2, rng);
        critic = new Critic(obs, act, h1, h2, rng, fusedConcat);
        targetCritic = new Critic(obs, act, h1, h2, rng, fusedConcat);
        actorSync = new TargetUpdate(targetActor, actor);
        criticSync = new TargetUpdate(targetCritic, critic);
        actorSync.hard();
        criticSync.hard();
        targetActor.eval();
        targetCritic.eval();
        actorOpt = new Adam(actor.namedParameters(), 1e-4);
        criticOpt = new Adam(critic.namedParameters(), 1e-3).weightDecay(1e-2);
        for (int i = 0; i < 8; i++) {
            Tensor s = Tensor.normal(rng, 0, 1, batch, obs), a = Tensor.uniform(rng, -1, 1, batch, act);
            Tensor r = Tensor.normal(rng, 0, 1, batch, 1), s2 = Tensor.normal(rng, 0, 1, batch, obs);
            Tensor notDone = Tensor.zeros(batch, 1);
            for (int k = 0; k < batch; k++) notDone.set(k, 0, rng.nextFloat() < 0.01f ? 0f : 1f);
            batches.add(new Tensor[] {s, a, r, s2, notDone});
        }
    }

    private static Sequential actorNet(int obs, int act, int h1, int h2, Rng rng) {
        return Mlp.input(obs, rng).linear(h1).batchNorm().relu().linear(h2).batchNorm().relu()
                .finalLinear(act, 3e-3f).tanh().build();
    }

    /** One DDPG update on the next pre-generated minibatch. */
    @SuppressWarnings("try") // scopes are used only for their close()
    public void update() {
        Tensor[] b = batches.get(next++ % batches.size());
        Tensor s = b[0], a = b[1], r = b[2], s2 = b[3], notDone = b[4];
        try (Arena step = arena.enter()) {
            Tensor y;
            try (NoGrad ignored = NoGrad.enter()) {
                Tensor q2 = targetCritic.forward(s2, targetActor.forward(s2));
                y = Arithmetic.add(r, Arithmetic.mul(notDone, q2).scale(gamma));
            }
            criticOpt.zeroGrad();
            Tensor criticLoss = Losses.mse(critic.forward(s, a), y);
            criticLoss.backward();
            criticOpt.step();

            critic.setRequiresGrad(false);
            actorOpt.zeroGrad();
            Tensor actorLoss = critic.forward(s, actor.forward(s)).mean().neg();
            actorLoss.backward();
            actorOpt.step();
            critic.setRequiresGrad(true);

            actorSync.soft(tau);
            criticSync.soft(tau);
            lastCriticLoss = criticLoss.item();
            lastActorLoss = actorLoss.item();
        }
    }

    /** Nonzero subnormal values in weights, buffers and optimizer state of all four networks. */
    public long subnormalCount() {
        List<Tensor> all = new ArrayList<>();
        all.addAll(actor.stateDict().values());
        all.addAll(critic.stateDict().values());
        all.addAll(targetActor.stateDict().values());
        all.addAll(targetCritic.stateDict().values());
        all.addAll(actorOpt.state().values());
        all.addAll(criticOpt.state().values());
        return Subnormals.count(all);
    }

    public float lastCriticLoss() {
        return lastCriticLoss;
    }

    public float lastActorLoss() {
        return lastActorLoss;
    }

    /**
     * Runs {@code updates} updates in blocks of {@code block} and returns the updates per second of each block:
     * flat numbers mean no slow-down as the networks age.
     */
    public double[] updatesPerSecondByBlock(int updates, int block) {
        double[] rates = new double[updates / block];
        for (int i = 0; i < rates.length; i++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < block; k++) update();
            rates[i] = block / ((System.nanoTime() - t0) * 1e-9);
        }
        return rates;
    }

    public static void main(String[] args) {
        int obs = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        int act = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int updates = args.length > 3 ? Integer.parseInt(args[3]) : 20000;
        int block = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        int h1 = args.length > 5 ? Integer.parseInt(args[5]) : 400;
        int h2 = args.length > 6 ? Integer.parseInt(args[6]) : 300;
        DdpgShapedUpdate d = new DdpgShapedUpdate(obs, act, h1, h2, batch, 0);
        System.out.printf(Locale.ROOT, "# engine DDPG update obs=%d act=%d batch=%d nets=%d-%d kernels=%s gemm=%s threads=%d java=%s%n",
                obs, act, batch, h1, h2, Kernels.description(), Kernels.gemm().name(), Kernels.threads(),
                System.getProperty("java.version"));
        // Wall-clock rate, and the rate by this thread's CPU time: on a shared machine the second one is
        // what the code would do on an idle core (the wall-clock one includes time spent descheduled).
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < updates / block; i++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            double rate = d.updatesPerSecondByBlock(block, block)[0];
            double cpuRate = block / ((mx.getCurrentThreadCpuTime() - cpu0) * 1e-9);
            System.out.printf(Locale.ROOT, "updates=%d upd/s=%.0f upd/cpu-s=%.0f subnormal=%d critic_loss=%.4g actor_loss=%.4g%n",
                    (i + 1) * block, rate, cpuRate, d.subnormalCount(), d.lastCriticLoss(), d.lastActorLoss());
        }
    }
}
