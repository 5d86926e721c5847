package ddpg.examples;

import ddpg.physics.Simulator;
import ddpg.physics.mjcf.MjcfLoader;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

import java.util.Locale;

/**
 * Example 6: drop a capsule onto the floor and watch contacts and energy.
 *
 * <p>The model is an MJCF string: a plane and one free-floating capsule, 40 cm long, radius 5 cm, tilted ~11 degrees
 * and released 1 m up. Each {@code sim.step()} runs MuJoCo's pipeline (physics/README.md, docs/physics.md):
 * kinematics, mass matrix M, bias forces, collision (capsule vs plane: one contact per end cap that is close
 * enough), the soft-constraint solver, then semi-implicit Euler integration with h = 2 ms.
 *
 * <p>What to watch:
 * <ul>
 *   <li><b>Free fall</b>: kinetic energy T = 1/2 qdot' M qdot grows as potential energy V = sum m g z falls; the total
 *       stays nearly constant. MuJoCo's Euler is semi-implicit (new velocity first, then position with the new
 *       velocity), which under constant gravity loses exactly 1/2 m g^2 h t: a drift that shrinks with the step h.</li>
 *   <li><b>Impact</b>: the low end touches first (1 contact), the capsule tips flat (2 contacts). Contacts in MuJoCo
 *       are soft and critically damped (solref = 0.02 s time constant, damping ratio 1): at 4 m/s the capsule sinks
 *       a couple of centimetres into the floor, is pushed back out to its resting height, and stays there. No
 *       bounce; the contact dissipated the kinetic energy.</li>
 *   <li><b>Rest</b>: the centre sits at the radius, a fraction of a millimetre lower: a soft contact needs a little
 *       penetration to push back, and the normal forces add up to the weight m g.</li>
 * </ul>
 * Run: {@code java --add-modules jdk.incubator.vector -cp ddpg.jar:examples/target/classes ddpg.examples.E06CapsuleDrop}
 */
public final class E06CapsuleDrop {
    private E06CapsuleDrop() {}

    public static final double RADIUS = 0.05;

    static final String MJCF = """
            <mujoco model="capsule-drop">
              <option timestep="0.002"/>
              <worldbody>
                <geom name="floor" type="plane" size="2 2 0.1"/>
                <body name="capsule" pos="0 0 1">
                  <freejoint name="root"/>
                  <geom name="capsule" type="capsule" size="0.05" fromto="-0.2 0 -0.04  0.2 0 0.04" density="1000"/>
                </body>
              </worldbody>
            </mujoco>
            """;

    /** One printed line: time, centre height and vertical speed, contacts, energies, total normal force. */
    public record Sample(double time, double z, double vz, int contacts, double minDist, double kinetic,
                         double potential, double normalForce) {
        public double energy() { return kinetic + potential; }
    }

    /** The samples, the capsule's mass, and the simulated state at the end. */
    public record Result(java.util.List<Sample> samples, double mass, double g) {
        public Sample last() { return samples.get(samples.size() - 1); }
    }

    public static Result run(double seconds, double printEvery, boolean print) {
        Model model = MjcfLoader.loadString(MJCF, "capsule-drop.xml", null);
        Simulator sim = new Simulator(model);
        Data d = sim.data;
        int body = model.bodyId("capsule");
        double mass = model.bodyMass[body], g = -model.optGravity[2];
        // A free joint's qpos is (x, y, z, quaternion w x y z); its qvel is (linear velocity in world axes,
        // angular velocity in the body's axes).
        if (print) {
            System.out.printf(Locale.ROOT, "capsule: mass %.3f kg, radius %.2f m; nq = %d, nv = %d; timestep %.3f s%n%n",
                    mass, RADIUS, model.nq, model.nv, model.optTimestep);
            System.out.println("  time     height   v_z    contacts  min dist   normal force    kinetic  potential   total");
        }
        java.util.List<Sample> samples = new java.util.ArrayList<>();
        int steps = (int) Math.round(seconds / model.optTimestep), every = (int) Math.round(printEvery / model.optTimestep);
        int lastContacts = 0;
        for (int step = 0; step <= steps; step++) {
            if (step > 0) sim.step();   // after step(), d.ncon = contacts found at the state the step started from
            boolean changed = d.ncon != lastContacts;
            if (step % every == 0 || changed) {
                sim.forward();          // every derived quantity for the CURRENT state (changes nothing)
                Sample s = sample(model, d, body);
                samples.add(s);
                lastContacts = d.ncon;
                if (print) {
                    System.out.printf(Locale.ROOT, "%6.3f  %7.4f  %+6.3f     %d     %+9.5f  %8.3f N  %9.4f  %9.4f  %8.4f J%s%n",
                            s.time(), s.z(), s.vz(), s.contacts(), s.minDist(), s.normalForce(), s.kinetic(),
                            s.potential(), s.energy(), changed ? "   <- contacts change" : "");
                }
            }
        }
        return new Result(samples, mass, g);
    }

    private static Sample sample(Model m, Data d, int body) {
        // Kinetic energy T = 1/2 qvel' M qvel with the joint-space inertia M (dense nv x nv in Data.qM).
        double kinetic = 0;
        for (int i = 0; i < m.nv; i++) for (int j = 0; j < m.nv; j++) kinetic += 0.5 * d.qvel[i] * d.qM[i * m.nv + j] * d.qvel[j];
        // Potential energy V = sum over bodies of -m_b (gravity . centre of mass), world body included (mass 0).
        double potential = 0;
        for (int b = 0; b < m.nbody; b++) {
            for (int k = 0; k < 3; k++) potential -= m.bodyMass[b] * m.optGravity[k] * d.xipos[3 * b + k];
        }
        // Contacts: signed distance (negative = penetration) and normal force (first component, contact frame).
        double minDist = Double.NaN, normal = 0;
        for (int c = 0; c < d.ncon; c++) {
            minDist = Double.isNaN(minDist) ? d.contactDist[c] : Math.min(minDist, d.contactDist[c]);
            normal += d.contactForce[3 * c];
        }
        return new Sample(d.time, d.xipos[3 * body + 2], d.qvel[2], d.ncon, minDist, kinetic, potential, normal);
    }

    public static void main(String[] args) {
        Result r = run(args.length > 0 ? Double.parseDouble(args[0]) : 1.0, 0.04, true);
        Sample first = r.samples().get(0), last = r.last();
        System.out.printf(Locale.ROOT, "%nat rest: centre %.5f m above the floor (radius %.2f: %.2f mm into the floor),"
                + " normal forces %.3f N vs weight m g = %.3f N%n", last.z(), RADIUS, 1000 * (RADIUS - last.z()),
                last.normalForce(), r.mass() * r.g());
        System.out.printf(Locale.ROOT, "energy: %.3f J at release, %.3f J at rest; the contacts dissipated %.3f J%n",
                first.energy(), last.energy(), first.energy() - last.energy());
    }
}
