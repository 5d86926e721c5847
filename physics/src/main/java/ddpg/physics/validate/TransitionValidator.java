package ddpg.physics.validate;

import ddpg.physics.SimulationDivergedException;
import ddpg.physics.Simulator;
import ddpg.physics.collision.Contacts;
import ddpg.physics.constraint.ConstraintSolver;
import ddpg.physics.constraint.ConstraintStage;
import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Recomputes every record of an mjref transitions.csv from its pre-state (qpos, qvel, ctrl, qacc_warmstart) and
 * compares each quantity with MuJoCo's. Tolerances are the project's targets: smooth quantities 1e-9; the next
 * state 1e-9 on records without constraint rows (nefc = 0); with constraints, contacts 1e-9 and qacc,
 * qfrc_constraint and the next state 1e-6. Without a constraint stage the constraint-dependent fields are reported
 * as skipped.
 */
public final class TransitionValidator {
    public static final double SMOOTH_TOL = 1e-9, CONSTRAINED_TOL = 1e-6;
    private static final String NO_CONSTRAINTS = "constraints not implemented";

    private final Model m;
    private final Simulator sim;
    private final ConstraintSolver solver; // null: smooth only

    /** Validates the full pipeline (constraints included). */
    public TransitionValidator(Model m) { this(m, true); }

    /** {@code withConstraints = false}: smooth dynamics only; constraint fields are skipped. */
    public TransitionValidator(Model m, boolean withConstraints) {
        this.m = m;
        this.solver = withConstraints ? new ConstraintSolver(m) : null;
        this.sim = new Simulator(m, solver != null ? solver : ConstraintStage.NONE);
    }

    public ValidationReport validate(OracleCsv csv) {
        int nq = m.nq, nv = m.nv, nb = m.nbody;
        String name = m.name.isEmpty() ? m.source : m.name;
        csv.requireSize("qpos", nq, name, "nq");
        csv.requireSize("qvel", nv, name, "nv");
        csv.requireSize("ctrl", m.nu, name, "nu");
        csv.requireSize("qfrc_bias", nv, name, "nv");
        csv.requireSize("sensordata", m.nsensordata, name, "nsensordata");
        int[] cQpos = csv.vectorColumns("qpos", nq), cQvel = csv.vectorColumns("qvel", nv),
                cCtrl = csv.vectorColumns("ctrl", m.nu), cWarm = csv.vectorColumns("qacc_warmstart", nv),
                cXpos = csv.matrixColumns("xpos", nb, 3), cXquat = csv.matrixColumns("xquat", nb, 4),
                cCom = csv.vectorColumns("subtree_com1", 3), cM = csv.matrixColumns("M", nv, nv),
                cBias = csv.vectorColumns("qfrc_bias", nv), cPass = csv.vectorColumns("qfrc_passive", nv),
                cAct = csv.vectorColumns("qfrc_actuator", nv), cSmooth = csv.vectorColumns("qacc_smooth", nv),
                cSens = csv.vectorColumns("sensordata", m.nsensordata), cQacc = csv.vectorColumns("qacc", nv),
                cCon = csv.vectorColumns("qfrc_constraint", nv), cNextQpos = csv.vectorColumns("next_qpos", nq),
                cNextQvel = csv.vectorColumns("next_qvel", nv);
        int cNcon = csv.column("ncon"), cNefc = csv.column("nefc");
        int maxcon = 0;
        while (csv.has("contact[" + maxcon + "].dist")) maxcon++;

        ValidationReport rep = new ValidationReport();
        FieldStats xpos = rep.add(new FieldStats("xpos", SMOOTH_TOL));
        FieldStats xquat = rep.add(new FieldStats("xquat", SMOOTH_TOL));
        FieldStats com = rep.add(new FieldStats("subtree_com1", SMOOTH_TOL));
        FieldStats mass = rep.add(new FieldStats("M", SMOOTH_TOL));
        FieldStats bias = rep.add(new FieldStats("qfrc_bias", SMOOTH_TOL));
        FieldStats passive = rep.add(new FieldStats("qfrc_passive", SMOOTH_TOL));
        FieldStats actuator = rep.add(new FieldStats("qfrc_actuator", SMOOTH_TOL));
        FieldStats smooth = rep.add(new FieldStats("qacc_smooth", SMOOTH_TOL));
        FieldStats sensors = rep.add(m.nsensordata == 0 ? FieldStats.skipped("sensordata", "model has no sensors")
                : new FieldStats("sensordata", SMOOTH_TOL));
        boolean cons = solver != null;
        FieldStats ncon = rep.add(cons ? new FieldStats("ncon", 0) : FieldStats.skipped("ncon", NO_CONSTRAINTS));
        FieldStats pairs = rep.add(cons ? new FieldStats("contact.geom1/geom2", 0)
                : FieldStats.skipped("contact.geom1/geom2", NO_CONSTRAINTS));
        FieldStats cdist = rep.add(cons ? new FieldStats("contact.dist", SMOOTH_TOL)
                : FieldStats.skipped("contact.dist", NO_CONSTRAINTS));
        FieldStats cpos = rep.add(cons ? new FieldStats("contact.pos", SMOOTH_TOL)
                : FieldStats.skipped("contact.pos", NO_CONSTRAINTS));
        FieldStats cframe = rep.add(cons ? new FieldStats("contact.frame", SMOOTH_TOL)
                : FieldStats.skipped("contact.frame", NO_CONSTRAINTS));
        FieldStats nefc = rep.add(cons ? new FieldStats("nefc", 0) : FieldStats.skipped("nefc", NO_CONSTRAINTS));
        FieldStats qacc = rep.add(cons ? new FieldStats("qacc", CONSTRAINED_TOL)
                : FieldStats.skipped("qacc", NO_CONSTRAINTS));
        FieldStats qfrcCon = rep.add(cons ? new FieldStats("qfrc_constraint", CONSTRAINED_TOL)
                : FieldStats.skipped("qfrc_constraint", NO_CONSTRAINTS));
        FieldStats nextQpos = rep.add(new FieldStats("next_qpos (nefc=0)", SMOOTH_TOL));
        FieldStats nextQvel = rep.add(new FieldStats("next_qvel (nefc=0)", SMOOTH_TOL));
        FieldStats nextQposC = rep.add(cons ? new FieldStats("next_qpos (nefc>0)", CONSTRAINED_TOL)
                : FieldStats.skipped("next_qpos (nefc>0)", NO_CONSTRAINTS));
        FieldStats nextQvelC = rep.add(cons ? new FieldStats("next_qvel (nefc>0)", CONSTRAINED_TOL)
                : FieldStats.skipped("next_qvel (nefc>0)", NO_CONSTRAINTS));

        Data d = sim.data;
        int big = Math.max(nv * nv, Math.max(4 * nb, Math.max(9 * maxcon, m.nsensordata + 1)));
        double[] ref = new double[big], ours = new double[big];
        double[] qpos = new double[nq], qvel = new double[nv], ctrl = new double[m.nu], warm = new double[nv];
        int r = 0;
        try {
            for (; r < csv.rows(); r++) {
                csv.read(r, cQpos, qpos);
                csv.read(r, cQvel, qvel);
                csv.read(r, cCtrl, ctrl);
                csv.read(r, cWarm, warm);
                load(d, qpos, qvel, ctrl, warm);
                sim.forward();

                compare(xpos, r, csv, cXpos, d.xpos, ref);
                compare(xquat, r, csv, cXquat, d.xquat, ref);
                if (nb > 1) {
                    System.arraycopy(d.subtreeCom, 3, ours, 0, 3);
                    compare(com, r, csv, cCom, ours, ref);
                }
                compare(mass, r, csv, cM, d.qM, ref);
                compare(bias, r, csv, cBias, d.qfrcBias, ref);
                compare(passive, r, csv, cPass, d.qfrcPassive, ref);
                compare(actuator, r, csv, cAct, d.qfrcActuator, ref);
                compare(smooth, r, csv, cSmooth, d.qaccSmooth, ref);
                if (m.nsensordata > 0) compare(sensors, r, csv, cSens, d.sensordata, ref);
                int refNefc = (int) csv.get(r, cNefc);
                if (cons) {
                    int refNcon = (int) csv.get(r, cNcon);
                    ncon.addError(r, Math.abs(d.ncon - refNcon), Math.abs(d.ncon - refNcon));
                    nefc.addError(r, Math.abs(d.nefc - refNefc), Math.abs(d.nefc - refNefc));
                    compareContacts(r, csv, Math.min(Math.min(refNcon, d.ncon), maxcon), pairs, cdist, cpos, cframe,
                            ref, ours);
                    compare(qacc, r, csv, cQacc, d.qacc, ref);
                    compare(qfrcCon, r, csv, cCon, d.qfrcConstraint, ref);
                }
                // one step from the same pre-state
                load(d, qpos, qvel, ctrl, warm);
                sim.step();
                if (refNefc == 0) {
                    compare(nextQpos, r, csv, cNextQpos, d.qpos, ref);
                    compare(nextQvel, r, csv, cNextQvel, d.qvel, ref);
                } else if (cons) {
                    compare(nextQposC, r, csv, cNextQpos, d.qpos, ref);
                    compare(nextQvelC, r, csv, cNextQvel, d.qvel, ref);
                }
            }
        } catch (SimulationDivergedException e) {
            throw e.at(csv.file() + ":" + csv.line(r) + ": from this record's state");
        }
        return rep;
    }

    private void compareContacts(int r, OracleCsv csv, int n, FieldStats pairs, FieldStats dist, FieldStats pos,
                                 FieldStats frame, double[] ref, double[] ours) {
        Contacts c = solver.contacts();
        int mismatched = 0;
        double dAbs = 0, pAbs = 0, fAbs = 0, pScale = 0, dScale = 0;
        for (int k = 0; k < n; k++) {
            String p = "contact[" + k + "].";
            int g1 = (int) csv.get(r, p + "geom1"), g2 = (int) csv.get(r, p + "geom2");
            if (g1 != c.geom1[k] || g2 != c.geom2[k]) {
                mismatched++;
                continue;
            }
            double rd = csv.get(r, p + "dist");
            dAbs = Math.max(dAbs, Math.abs(rd - c.dist[k]));
            dScale = Math.max(dScale, Math.abs(rd));
            for (int i = 0; i < 3; i++) {
                double rp = csv.get(r, p + "pos[" + i + "]");
                pAbs = Math.max(pAbs, Math.abs(rp - c.pos[3 * k + i]));
                pScale = Math.max(pScale, Math.abs(rp));
            }
            for (int i = 0; i < 9; i++) {
                fAbs = Math.max(fAbs, Math.abs(csv.get(r, p + "frame[" + i + "]") - c.frame[9 * k + i]));
            }
        }
        pairs.addError(r, mismatched, mismatched);
        if (n > 0) {
            dist.addError(r, dAbs, dAbs / Math.max(dScale, 1e-300));
            pos.addError(r, pAbs, pAbs / Math.max(pScale, 1e-300));
            frame.addError(r, fAbs, fAbs);
        }
    }

    private static void compare(FieldStats f, int r, OracleCsv csv, int[] cols, double[] ours, double[] ref) {
        csv.read(r, cols, ref);
        f.add(r, ours, ref, cols.length);
    }

    private void load(Data d, double[] qpos, double[] qvel, double[] ctrl, double[] warm) {
        System.arraycopy(qpos, 0, d.qpos, 0, m.nq);
        System.arraycopy(qvel, 0, d.qvel, 0, m.nv);
        System.arraycopy(ctrl, 0, d.ctrl, 0, m.nu);
        System.arraycopy(warm, 0, d.qaccWarmstart, 0, m.nv);
        d.time = 0;
    }
}
