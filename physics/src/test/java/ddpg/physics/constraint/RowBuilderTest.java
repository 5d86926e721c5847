package ddpg.physics.constraint;

import ddpg.physics.collision.Contacts;
import ddpg.physics.collision.OracleRecords;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Constraint rows of hand-made states, checked against the formulas of the computation chapter. */
class RowBuilderTest {
    static final double EPS = 1e-12;

    @Test
    void sliderLimitRowsOfTheCartpole() {
        Model m = OracleRecords.load("cartpole").m;   // slider range [-1.8, 1.8], solref (0.08, 1), dt 0.01
        RowBuilder rb = new RowBuilder(m, new Jacobians(m));
        Rows rows = new Rows(m.nv, 4);
        double[] qvel = {0.5, 0};
        rb.build(new double[]{1.79, 0}, qvel, null, rows);
        assertEquals(0, rows.nefc, "inside the range: no row");
        rb.build(new double[]{1.85, 0}, qvel, null, rows);
        assertEquals(1, rows.nefc);
        // upper limit: distance hi - q = -0.05, Jacobian -1 on the slider dof, velocity -qvel
        assertEquals(-0.05, rows.pos[0], EPS);
        assertEquals(-1, rows.jac[0]);
        assertEquals(0, rows.jac[1]);
        assertEquals(-0.5, rows.vel[0], EPS);
        double d = Impedance.impedance(m.jntSolimp, 0, -0.05), dmax = Impedance.dmax(m.jntSolimp, 0);
        assertEquals(d, rows.imp[0], EPS);
        assertEquals((1 - d) / d * m.dofInvweight0[0], rows.r[0], EPS);
        double b = 2 / (dmax * 0.08), k = 1 / (dmax * dmax * 0.08 * 0.08);
        assertEquals(-b * -0.5 - k * d * -0.05, rows.aref[0], 1e-9);
        // lower limit: q - lo, Jacobian +1
        rb.build(new double[]{-1.9, 0}, qvel, null, rows);
        assertEquals(1, rows.nefc);
        assertEquals(-0.1, rows.pos[0], EPS);
        assertEquals(1, rows.jac[0]);
    }

    @Test
    void contactRowsPerCondim() {
        Model m = OracleRecords.load("walker").m;
        Jacobians jacobians = new Jacobians(m);
        double[] qpos = m.qpos0.clone(), qvel = new double[m.nv];
        // the torso at the world origin with identity orientation, each joint's axis as written in the model
        Data data = new Data(m);
        System.arraycopy(m.jntPos, 0, data.xanchor, 0, 3 * m.njnt);
        System.arraycopy(m.jntAxis, 0, data.xaxis, 0, 3 * m.njnt);
        for (int b = 0; b < m.nbody; b++) { data.xmat[9 * b] = 1; data.xmat[9 * b + 4] = 1; data.xmat[9 * b + 8] = 1; }
        jacobians.update(data);
        RowBuilder rb = new RowBuilder(m, jacobians);
        Rows rows = new Rows(m.nv, 4);
        Contacts con = new Contacts(4);
        int floor = 0, torso = 1;
        // condim 3, penetrating: four pyramid edges n +- mu t1, n +- mu t2
        add(con, floor, torso, -0.01, 3, 0.7);
        // exactly touching: listed, but no rows
        add(con, floor, torso, 0, 3, 0.7);
        // condim 1: one normal row
        add(con, floor, torso, -0.002, 1, 0.7);
        rb.build(qpos, qvel, con, rows);
        assertEquals(5, rows.nefc);
        for (int i = 0; i < 4; i++) assertEquals(Rows.CONTACT_PYRAMIDAL, rows.type[i]);
        assertEquals(Rows.CONTACT_FRICTIONLESS, rows.type[4]);
        assertEquals(2, rows.id[4]);
        // torso at the origin, identity poses: rootz (dof 0) moves along z, rootx (dof 1) along x.
        // normal +z, t1 = +x: edge 0 = z + 0.7 x, edge 1 = z - 0.7 x
        assertEquals(1, rows.jac[0], EPS);
        assertEquals(0.7, rows.jac[1], EPS);
        assertEquals(-0.7, rows.jac[m.nv + 1], EPS);
        double tran = m.bodyInvweight0[2 * torso];
        double d = rows.imp[0], mu = 0.7;
        assertEquals(2 * mu * mu * (1 - d) / d * tran * (1 + mu * mu), rows.r[0], EPS);
        assertEquals(rows.r[0], rows.r[3], EPS);
        double d1 = rows.imp[4];
        assertEquals((1 - d1) / d1 * tran, rows.r[4], EPS);
    }

    static void add(Contacts con, int g1, int g2, double dist, int dim, double mu) {
        int c = con.add(dist, 0, 0, 0, 0, 0, 1, 1, 0, 0);
        con.geom1[c] = g1;
        con.geom2[c] = g2;
        con.dim[c] = dim;
        for (int k = 0; k < 5; k++) con.friction[5 * c + k] = k < 2 ? mu : 0.1;
        con.solref[2 * c] = 0.02;
        con.solref[2 * c + 1] = 1;
        double[] si = {0.9, 0.95, 0.001, 0.5, 2};
        System.arraycopy(si, 0, con.solimp, 5 * c, 5);
    }
}
