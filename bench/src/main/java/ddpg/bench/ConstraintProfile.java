package ddpg.bench;

import ddpg.engine.Rng;
import ddpg.physics.Simulator;
import ddpg.physics.collision.Collision;
import ddpg.physics.collision.Contacts;
import ddpg.physics.constraint.ConstraintSolver;
import ddpg.physics.constraint.ConstraintStage;
import ddpg.physics.constraint.Jacobians;
import ddpg.physics.constraint.NewtonSolver;
import ddpg.physics.constraint.RowBuilder;
import ddpg.physics.constraint.Rows;
import ddpg.physics.integrate.Positions;
import ddpg.physics.mjcf.Models;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Where a physics step's time goes: whole {@link Simulator#step()} versus the constraint stage, split into collision
 * detection, rows (kinematics, Jacobians, solref/solimp) and the Newton solve. Same protocol as {@code mjref speed}:
 * qpos0 perturbed by +-0.02, random controls held 5 steps, 2000 warm-up steps, then timed steps, median of 5
 * repeats. steps/s and us/step time the plain simulator; the split repeats the constraint work piece by piece on the
 * same inputs in a second, identical run. A profiler for physics/README.md, never a unit test:
 *
 * <pre>java -cp bench/target/benchmarks.jar ddpg.bench.ConstraintProfile [steps] [model...]</pre>
 */
public final class ConstraintProfile {
    private ConstraintProfile() {}

    /**
     * The real constraint stage ({@link ConstraintSolver}) for the simulation, then the same work again piece by piece
     * with a clock between the pieces (results discarded): the split is measured on exactly the step's inputs.
     */
    private static final class TimedStage implements ConstraintStage {
        final ConstraintSolver real;
        final double[] qacc, qfrc;
        long tReal;
        final Collision collision;
        final Contacts contacts = new Contacts(32);
        final Jacobians jacobians;
        final RowBuilder rows;
        final Rows r;
        final NewtonSolver newton;
        long tCollision, tRows, tSolve, nefc, iterations;

        TimedStage(Model m) {
            collision = new Collision(m);
            jacobians = new Jacobians(m);
            rows = new RowBuilder(m, jacobians);
            r = new Rows(m.nv, 32);
            newton = new NewtonSolver(m.nv, m.dofParentid);
            real = new ConstraintSolver(m);
            qacc = new double[m.nv];
            qfrc = new double[m.nv];
        }

        @Override
        public void apply(Model m, Data d) {
            long tr = System.nanoTime();
            real.apply(m, d);
            long t0 = System.nanoTime();
            tReal += t0 - tr;
            collision.detect(d.geomXpos, d.geomXmat, contacts);
            long t1 = System.nanoTime();
            jacobians.update(d);
            rows.build(d.qpos, d.qvel, contacts, r);
            long t2 = System.nanoTime();
            newton.solve(d.qM, d.qaccSmooth, r, null, m.optIterations, qacc, qfrc);
            long t3 = System.nanoTime();
            tCollision += t1 - t0;
            tRows += t2 - t1;
            tSolve += t3 - t2;
            nefc += r.nefc;
            iterations += newton.iterations();
        }

        void clear() { tReal = tCollision = tRows = tSolve = nefc = iterations = 0; }
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        String[] models = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[]{"cartpole", "reacher", "cheetah", "walker", "humanoid"};
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.println("model     steps/s  us/step  (cpu us/step)  constraint%  collision  rows   solve  "
                + "mean nefc  Newton it.   (split in us/step, wall)");
        for (String name : models) {
            Model m = Models.builtin(name);
            Simulator plain = new Simulator(m);
            TimedStage stage = new TimedStage(m);
            Simulator split = new Simulator(m, stage);
            double[][] results = new double[5][];
            for (int rep = 0; rep < 5; rep++) {
                start(plain, 3);
                run(plain, new Rng(4), 2000);
                long c0 = cpu.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                run(plain, new Rng(5), steps);
                long w1 = System.nanoTime(), c1 = cpu.getCurrentThreadCpuTime();
                start(split, 3);
                run(split, new Rng(4), 2000);
                stage.clear();
                run(split, new Rng(5), steps);
                double wall = (w1 - w0) / 1e3 / steps;
                results[rep] = new double[]{wall, (c1 - c0) / 1e3 / steps,
                        100.0 * stage.tReal / 1e3 / steps / wall,
                        stage.tCollision / 1e3 / steps, stage.tRows / 1e3 / steps, stage.tSolve / 1e3 / steps,
                        stage.nefc / (double) steps, stage.iterations / (double) steps};
            }
            java.util.Arrays.sort(results, (a, b) -> Double.compare(a[0], b[0]));
            double[] r = results[2];
            System.out.printf("%-9s %8.0f %8.2f %11.2f %12.0f %10.2f %6.2f %7.2f %9.2f %11.2f%n", name, 1e6 / r[0], r[0],
                    r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
        }
    }

    /** mjref's initial state: qpos0 (+) uniform +-0.02 per dof, qvel uniform +-0.02. */
    private static void start(Simulator sim, long seed) {
        Model m = sim.model;
        Data d = sim.data;
        Rng rnd = new Rng(seed);
        sim.reset();
        double[] dq = new double[m.nv];
        for (int i = 0; i < m.nv; i++) dq[i] = 0.02 * (2 * rnd.nextDouble() - 1);
        new Positions(m).integrate(d.qpos, dq, 0, 1.0);
        for (int i = 0; i < m.nv; i++) d.qvel[i] = 0.02 * (2 * rnd.nextDouble() - 1);
    }

    private static void run(Simulator sim, Rng rnd, int n) {
        Data d = sim.data;
        int nu = sim.model.nu;
        for (int t = 0; t < n; t++) {
            if (t % 5 == 0) for (int j = 0; j < nu; j++) d.ctrl[j] = 2 * rnd.nextDouble() - 1;
            sim.step();
        }
    }
}
