package ddpg.physics.constraint;

import ddpg.physics.ConstraintStage;
import ddpg.physics.Simulator;
import ddpg.physics.collision.Collision;
import ddpg.physics.collision.Contacts;
import ddpg.physics.integrate.Positions;
import ddpg.physics.mjcf.Models;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;

/**
 * Where a physics step's time goes: whole {@link Simulator#step()} versus the constraint stage, split into collision
 * detection, rows (kinematics, Jacobians, solref/solimp) and the Newton solve. Same protocol as {@code mjref speed}:
 * qpos0 perturbed by +-0.02, random controls held 5 steps, 2000 warm-up steps, then timed steps, median of 5
 * repeats. A profiler for the README, never a unit test:
 *
 * <pre>java -cp physics/target/classes ddpg.physics.constraint.ConstraintProfile [steps] [model...]</pre>
 */
public final class ConstraintProfile {
    private ConstraintProfile() {}

    /** The constraint stage, stage by stage with a clock between them (same work as {@link ConstraintSolver}). */
    private static final class TimedStage implements ConstraintStage {
        final Collision collision;
        final Contacts contacts = new Contacts(32);
        final Kinematics kin;
        final RowBuilder rows;
        final Rows r;
        final NewtonSolver newton;
        long tCollision, tRows, tSolve, nefc, iterations;

        TimedStage(Model m) {
            collision = new Collision(m);
            kin = new Kinematics(m);
            rows = new RowBuilder(m, kin);
            r = new Rows(m.nv, 32);
            newton = new NewtonSolver(m.nv);
        }

        @Override
        public void apply(Model m, Data d) {
            long t0 = System.nanoTime();
            collision.detect(d.geomXpos, d.geomXmat, contacts);
            long t1 = System.nanoTime();
            kin.update(d.qpos, d.xpos, d.xmat);
            rows.build(d.qpos, d.qvel, contacts, r);
            long t2 = System.nanoTime();
            newton.solve(d.qM, d.qaccSmooth, r, null, m.optIterations, d.qacc, d.qfrcConstraint);
            long t3 = System.nanoTime();
            d.ncon = contacts.count;
            d.nefc = r.nefc;
            tCollision += t1 - t0;
            tRows += t2 - t1;
            tSolve += t3 - t2;
            nefc += r.nefc;
            iterations += newton.iterations();
        }

        void clear() { tCollision = tRows = tSolve = nefc = iterations = 0; }
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        String[] models = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[]{"cartpole", "reacher", "cheetah", "walker", "humanoid"};
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.println("model     steps/s  us/step  (cpu us/step)  constraint%  collision  rows   solve  "
                + "mean nefc  Newton it.");
        for (String name : models) {
            Model m = Models.builtin(name);
            TimedStage stage = new TimedStage(m);
            Simulator sim = new Simulator(m, stage);
            Data d = sim.data;
            Positions positions = new Positions(m);
            double[][] results = new double[5][];
            for (int rep = 0; rep < 5; rep++) {
                Random rnd = new Random(3);
                sim.reset();
                double[] dq = new double[m.nv];
                for (int i = 0; i < m.nv; i++) dq[i] = 0.02 * (2 * rnd.nextDouble() - 1);
                positions.integrate(d.qpos, dq, 0, 1.0);
                for (int i = 0; i < m.nv; i++) d.qvel[i] = 0.02 * (2 * rnd.nextDouble() - 1);
                run(sim, rnd, 2000);
                stage.clear();
                long c0 = cpu.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                run(sim, rnd, steps);
                long w1 = System.nanoTime(), c1 = cpu.getCurrentThreadCpuTime();
                double wall = (w1 - w0) / 1e3 / steps;
                results[rep] = new double[]{wall, (c1 - c0) / 1e3 / steps,
                        100.0 * (stage.tCollision + stage.tRows + stage.tSolve) / (w1 - w0),
                        stage.tCollision / 1e3 / steps, stage.tRows / 1e3 / steps, stage.tSolve / 1e3 / steps,
                        stage.nefc / (double) steps, stage.iterations / (double) steps};
            }
            java.util.Arrays.sort(results, (a, b) -> Double.compare(a[0], b[0]));
            double[] r = results[2];
            System.out.printf("%-9s %8.0f %8.2f %11.2f %12.0f %10.2f %6.2f %7.2f %9.2f %11.2f%n", name, 1e6 / r[0], r[0],
                    r[1], r[2], r[3], r[4], r[5], r[6], r[7]);
        }
    }

    private static void run(Simulator sim, Random rnd, int n) {
        Data d = sim.data;
        int nu = sim.model.nu;
        for (int t = 0; t < n; t++) {
            if (t % 5 == 0) for (int j = 0; j < nu; j++) d.ctrl[j] = 2 * rnd.nextDouble() - 1;
            sim.step();
        }
    }
}
