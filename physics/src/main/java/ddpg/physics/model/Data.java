package ddpg.physics.model;

/**
 * Everything that changes during a simulation: the state (qpos, qvel, act, ctrl, time, warm start) and every
 * intermediate result of the pipeline, named like MuJoCo 2.2.2's {@code mjData} in camelCase. All arrays are
 * allocated once here, so stepping allocates nothing. Layouts: k numbers per element, row-major; quaternions
 * (w, x, y, z); 3x3 matrices row-major; spatial 6-vectors (angular; linear) in the com-based frame (world axes,
 * reference point = subtree_com of the kinematic tree's root body), as in MuJoCo.
 *
 * <p>One Data belongs to one simulation; the Model it was made for is shared read-only.
 */
public final class Data {
    // ---- state ----
    public double time;
    public final double[] qpos, qvel, act, ctrl;
    /** The previous step's qacc: the constraint solver's warm start. */
    public final double[] qaccWarmstart;

    // ---- position stage (Kinematics, ComPos) ----
    public final double[] xpos, xquat, xmat;   // nbody x 3 / 4 / 9: body frames
    public final double[] xipos, ximat;        // nbody x 3 / 9: inertial (centre-of-mass) frames
    public final double[] xanchor, xaxis;      // njnt x 3: joint anchors and axes in world coordinates
    public final double[] geomXpos, geomXmat;  // ngeom x 3 / 9
    public final double[] siteXpos, siteXmat;  // nsite x 3 / 9
    public final double[] subtreeCom;          // nbody x 3: centre of mass of each body's subtree
    public final double[] cinert;              // nbody x 10: body inertia in the com-based frame
    public final double[] cdof;                // nv x 6: motion subspace of each dof, com-based

    // ---- mass matrix (Crb, Factor) ----
    public final double[] crb;                 // nbody x 10: composite (subtree) inertia
    /** Joint-space inertia M with armature, DENSE nv x nv row-major, both triangles filled. */
    public final double[] qM;
    /**
     * Tree-aware factor M = L^T D L in tree-sparse rows (see {@code smooth.Factor}: row k = D[k], then L[k][j] for
     * the ancestors j of dof k): MuJoCo's nM numbers, one per dof and each of its ancestors.
     */
    public final double[] qLD;
    public final double[] qLDiagInv;           // nv: 1/D

    // ---- velocity stage (ComVel, Passive, Rne) ----
    public final double[] cvel;                // nbody x 6: body spatial velocity, com-based
    public final double[] cdofDot;             // nv x 6: time derivative of cdof
    public final double[] cacc;                // nbody x 6: bias acceleration (RNE with qacc = 0, gravity)
    public final double[] cfrcBody;            // nbody x 6: RNE body forces, accumulated over subtrees
    public final double[] qfrcBias, qfrcPassive;
    public final double[] subtreeLinvel;       // nbody x 3

    // ---- actuation ----
    public final double[] actuatorLength, actuatorVelocity, actuatorForce; // nu
    /** Moment arm of each actuator on each dof, nu x nv (dense: one gear entry per joint actuator here). */
    public final double[] actuatorMoment;
    public final double[] qfrcActuator;

    // ---- acceleration and constraints ----
    /** qfrc_passive + qfrc_actuator - qfrc_bias (+ applied forces, none here). */
    public final double[] qfrcSmooth;
    public final double[] qaccSmooth;
    /** Constraint force in joint space and the constrained acceleration; set by the constraint stage. */
    public final double[] qfrcConstraint, qacc;
    /** Contacts and constraint rows of the last constraint stage (0 without one). */
    public int ncon, nefc;
    /**
     * The contacts of the last constraint stage, like mjData.contact (contact c: geoms, signed distance, point
     * {@code contactPos[3c..]}, frame {@code contactFrame[9c..]} with the normal (geom1 to geom2) first, and the
     * force geom1 exerts on geom2 in that frame {@code contactForce[3c..]} = (normal, tangent1, tangent2)).
     * Filled by the constraint stage through {@link #ensureContactCapacity}; only the first ncon are valid.
     */
    public int[] contactGeom1 = new int[32], contactGeom2 = new int[32], contactDim = new int[32];
    public double[] contactDist = new double[32], contactPos = new double[96], contactFrame = new double[288],
            contactForce = new double[96];

    // ---- after constraints (RnePost): accelerations and forces with the final qacc, for acc sensors ----
    /** Body accelerations with the final qacc (MuJoCo overwrites cacc in mj_rnePostConstraint; so do we). */
    public final double[] cfrcExt, cfrcInt;    // nbody x 6: contact forces on each body, joint forces

    // ---- sensors ----
    public final double[] sensordata;

    public Data(Model m) {
        qpos = m.qpos0.clone();
        qvel = new double[m.nv];
        act = new double[m.na];
        ctrl = new double[m.nu];
        qaccWarmstart = new double[m.nv];
        xpos = new double[3 * m.nbody];
        xquat = new double[4 * m.nbody];
        xmat = new double[9 * m.nbody];
        xipos = new double[3 * m.nbody];
        ximat = new double[9 * m.nbody];
        xanchor = new double[3 * m.njnt];
        xaxis = new double[3 * m.njnt];
        geomXpos = new double[3 * m.ngeom];
        geomXmat = new double[9 * m.ngeom];
        siteXpos = new double[3 * m.nsite];
        siteXmat = new double[9 * m.nsite];
        subtreeCom = new double[3 * m.nbody];
        cinert = new double[10 * m.nbody];
        cdof = new double[6 * m.nv];
        crb = new double[10 * m.nbody];
        qM = new double[m.nv * m.nv];
        qLD = new double[m.nM];
        qLDiagInv = new double[m.nv];
        cvel = new double[6 * m.nbody];
        cdofDot = new double[6 * m.nv];
        cacc = new double[6 * m.nbody];
        cfrcBody = new double[6 * m.nbody];
        qfrcBias = new double[m.nv];
        qfrcPassive = new double[m.nv];
        subtreeLinvel = new double[3 * m.nbody];
        actuatorLength = new double[m.nu];
        actuatorVelocity = new double[m.nu];
        actuatorForce = new double[m.nu];
        actuatorMoment = new double[m.nu * m.nv];
        qfrcActuator = new double[m.nv];
        qfrcSmooth = new double[m.nv];
        qaccSmooth = new double[m.nv];
        qfrcConstraint = new double[m.nv];
        qacc = new double[m.nv];
        sensordata = new double[m.nsensordata];
        cfrcExt = new double[6 * m.nbody];
        cfrcInt = new double[6 * m.nbody];
    }

    /** Grows the contact arrays (rarely: only past the largest contact count so far) to hold n contacts. */
    public void ensureContactCapacity(int n) {
        if (n <= contactDist.length) return;
        int cap = Math.max(n, 2 * contactDist.length);
        contactGeom1 = java.util.Arrays.copyOf(contactGeom1, cap);
        contactGeom2 = java.util.Arrays.copyOf(contactGeom2, cap);
        contactDim = java.util.Arrays.copyOf(contactDim, cap);
        contactDist = java.util.Arrays.copyOf(contactDist, cap);
        contactPos = java.util.Arrays.copyOf(contactPos, 3 * cap);
        contactFrame = java.util.Arrays.copyOf(contactFrame, 9 * cap);
        contactForce = java.util.Arrays.copyOf(contactForce, 3 * cap);
    }

    /** MuJoCo's mj_resetData for the state: qpos0, zero velocity, activation and controls, time 0, no warm start. */
    public void reset(Model m) {
        System.arraycopy(m.qpos0, 0, qpos, 0, m.nq);
        java.util.Arrays.fill(qvel, 0);
        java.util.Arrays.fill(act, 0);
        java.util.Arrays.fill(ctrl, 0);
        java.util.Arrays.fill(qaccWarmstart, 0);
        java.util.Arrays.fill(qacc, 0);
        time = 0;
        ncon = 0;
        nefc = 0;
    }
}
