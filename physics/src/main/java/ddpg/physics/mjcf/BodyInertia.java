package ddpg.physics.mjcf;

import java.util.ArrayList;
import java.util.List;

/**
 * A body's mass, centre of mass ({@code ipos}) and principal inertia frame ({@code iquat}, {@code inertia}), either
 * from its {@code <inertial>} or from its geoms. With one geom the body's inertial frame is that geom's frame; with
 * several, the geom inertias are rotated into the body frame and summed about the body origin (parallel axis), the
 * total is moved to the common centre of mass (parallel axis backwards; same result as shifting each geom, but it
 * rounds like MuJoCo), and the sum is diagonalised ({@link MassProperties#principal}).
 */
final class BodyInertia {
    private BodyInertia() {}

    static void compute(Specs.Body b, CompilerSettings cs) {
        boolean fromGeoms = cs.inertiaFromGeom.equals("true") || (cs.inertiaFromGeom.equals("auto") && b.inertial == null);
        if (!fromGeoms) {
            if (b.inertial == null) return; // massless (only legal for bodies without joints)
            b.mass = b.inertial.mass;
            b.ipos = b.inertial.pos.clone();
            b.iquat = b.inertial.quat.clone();
            b.inertia = b.inertial.diag.clone();
            return;
        }
        List<Specs.Geom> sel = new ArrayList<>();
        for (Specs.Geom g : b.geoms)
            if (g.group >= cs.inertiaGroupRange[0] && g.group <= cs.inertiaGroupRange[1]) sel.add(g);
        if (sel.isEmpty()) return;
        if (sel.size() == 1) {
            Specs.Geom g = sel.get(0);
            b.mass = g.mass;
            b.ipos = g.pos.clone();
            b.iquat = g.quat.clone();
            b.inertia = g.inertia.clone();
            return;
        }
        double mass = 0;
        double[] com = new double[3];
        for (Specs.Geom g : sel) {
            mass += g.mass;
            for (int k = 0; k < 3; k++) com[k] += g.mass * g.pos[k];
        }
        if (mass < 1e-15) throw b.xml.error("the geoms of body '" + b.name + "' have no mass");
        for (int k = 0; k < 3; k++) com[k] /= mass;
        double[] total = new double[9];
        for (Specs.Geom g : sel) {
            double[] rot = MassProperties.rotatedInertia(g.inertia, g.quat);
            double[] off = MassProperties.pointMass(g.mass, g.pos);
            for (int k = 0; k < 9; k++) total[k] += rot[k] + off[k];
        }
        double[] back = MassProperties.pointMass(mass, com);
        for (int k = 0; k < 9; k++) total[k] -= back[k];
        MassProperties.Principal p = MassProperties.principal(total);
        b.mass = mass;
        b.ipos = com;
        b.iquat = p.quat();
        b.inertia = p.values();
    }
}
