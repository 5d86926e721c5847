package ddpg.physics.model;

/**
 * A compiled model: every constant the simulator needs, as flat arrays laid out exactly like MuJoCo 2.2.2's
 * {@code mjModel} (names are MuJoCo's, in camelCase: {@code body_ipos} is {@link #bodyIpos}). Vectors of size k per
 * element are stored row-major: element i occupies {@code [i*k, i*k+k)}. Quaternions are (w, x, y, z).
 *
 * <p>Built by the MJCF compiler (or from an oracle {@code model_fields.txt}); per-simulation state lives in
 * {@code Data}. The simulator never writes a model, so any number of simulations may share one. Its owner may
 * change a value between steps the way dm_control does: the reacher task moves its target geom at every reset
 * ({@code geomPos}, {@code geomSize} of a world geom without collisions), which is why every environment compiles
 * its own model. Such a change must be to a value the stages read on every step: a few things are derived once
 * when a simulation is built (candidate collision pairs, geom frame shortcuts, constraint weights).
 */
public final class Model {
    // ---- MuJoCo enum codes used in the arrays below (same numbers as mjtGeom, mjtJoint, ...) ----
    public static final int GEOM_PLANE = 0, GEOM_HFIELD = 1, GEOM_SPHERE = 2, GEOM_CAPSULE = 3,
            GEOM_ELLIPSOID = 4, GEOM_CYLINDER = 5, GEOM_BOX = 6;
    public static final int JNT_FREE = 0, JNT_BALL = 1, JNT_SLIDE = 2, JNT_HINGE = 3;
    public static final int INT_EULER = 0, INT_RK4 = 1;
    public static final int TRN_JOINT = 0;
    /** mjtSensor codes of MuJoCo 2.2.2 (SUBTREELINVEL is 33 there; checked against the oracle's sensor_type). */
    public static final int SENS_TOUCH = 0, SENS_ACCELEROMETER = 1, SENS_VELOCIMETER = 2, SENS_GYRO = 3,
            SENS_FORCE = 4, SENS_TORQUE = 5, SENS_SUBTREECOM = 32, SENS_SUBTREELINVEL = 33, SENS_SUBTREEANGMOM = 34;
    /** mjtObj codes used by sensor_objtype. */
    public static final int OBJ_BODY = 1, OBJ_XBODY = 2, OBJ_JOINT = 3, OBJ_DOF = 4, OBJ_GEOM = 5, OBJ_SITE = 6;
    /** mjtStage codes used by sensor_needstage. */
    public static final int STAGE_NONE = 0, STAGE_POS = 1, STAGE_VEL = 2, STAGE_ACC = 3;
    public static final int CONE_PYRAMIDAL = 0;
    public static final int SOLVER_NEWTON = 2;
    /** mjtDisableBit / mjtEnableBit values. */
    public static final int DSBL_CONSTRAINT = 1, DSBL_EQUALITY = 2, DSBL_FRICTIONLOSS = 4, DSBL_LIMIT = 8,
            DSBL_CONTACT = 16, DSBL_PASSIVE = 32, DSBL_GRAVITY = 64, DSBL_CLAMPCTRL = 128, DSBL_WARMSTART = 256,
            DSBL_FILTERPARENT = 512, DSBL_ACTUATION = 1024, DSBL_REFSAFE = 2048;
    public static final int ENBL_OVERRIDE = 1, ENBL_ENERGY = 2, ENBL_FWDINV = 4, ENBL_SENSORNOISE = 8;

    /** Where this model came from (file path or resource name), for error messages. */
    public String source = "";
    /** Model name from {@code <mujoco model="...">}. */
    public String name = "";

    // ---- options (mjOption) ----
    public double optTimestep = 0.002;
    public double optImpratio = 1;
    public double optTolerance = 1e-8;
    public double optDensity = 0;
    public double optViscosity = 0;
    public double optOMargin = 0;
    public int optIntegrator = INT_EULER;
    public int optCone = CONE_PYRAMIDAL;
    public int optSolver = SOLVER_NEWTON;
    public int optIterations = 100;
    public int optDisableflags = 0;
    public int optEnableflags = 0;
    public double[] optGravity = {0, 0, -9.81};
    public double[] optWind = {0, 0, 0};
    public double[] optOSolref = {0.02, 1};
    public double[] optOSolimp = {0.9, 0.95, 0.001, 0.5, 2};

    // ---- sizes ----
    public int nq, nv, nu, na, nbody, njnt, ngeom, nsite, nsensor, nsensordata, nexclude, nM;

    // ---- default joint positions ----
    public double[] qpos0 = {};      // nq
    public double[] qposSpring = {}; // nq

    // ---- bodies ----
    public String[] bodyName = {};
    public int[] bodyParentid = {}, bodyRootid = {}, bodyWeldid = {}, bodyJntnum = {}, bodyJntadr = {},
            bodyDofnum = {}, bodyDofadr = {}, bodyGeomnum = {}, bodyGeomadr = {};
    public double[] bodyPos = {};     // nbody x 3, relative to parent
    public double[] bodyQuat = {};    // nbody x 4
    public double[] bodyIpos = {};    // nbody x 3, inertial frame relative to body frame
    public double[] bodyIquat = {};   // nbody x 4
    public double[] bodyMass = {};    // nbody
    public double[] bodySubtreemass = {}; // nbody
    public double[] bodyInertia = {}; // nbody x 3, diagonal in the inertial frame

    // ---- joints ----
    public String[] jntName = {};
    public int[] jntType = {}, jntQposadr = {}, jntDofadr = {}, jntBodyid = {};
    public boolean[] jntLimited = {};
    public double[] jntSolref = {};   // njnt x 2
    public double[] jntSolimp = {};   // njnt x 5
    public double[] jntPos = {};      // njnt x 3, in the body frame
    public double[] jntAxis = {};     // njnt x 3, unit, in the body frame
    public double[] jntStiffness = {};// njnt
    public double[] jntRange = {};    // njnt x 2 (radians for hinges)
    public double[] jntMargin = {};   // njnt

    // ---- degrees of freedom ----
    public int[] dofBodyid = {}, dofJntid = {}, dofParentid = {}, dofMadr = {};
    public double[] dofSolref = {};   // nv x 2
    public double[] dofSolimp = {};   // nv x 5
    public double[] dofFrictionloss = {}, dofArmature = {}, dofDamping = {}; // nv

    // ---- geoms ----
    public String[] geomName = {};
    public int[] geomType = {}, geomContype = {}, geomConaffinity = {}, geomCondim = {}, geomBodyid = {},
            geomPriority = {};
    public double[] geomSolmix = {};  // ngeom
    public double[] geomSolref = {};  // ngeom x 2
    public double[] geomSolimp = {};  // ngeom x 5
    public double[] geomSize = {};    // ngeom x 3
    public double[] geomRbound = {};  // ngeom
    public double[] geomPos = {};     // ngeom x 3, in the body frame
    public double[] geomQuat = {};    // ngeom x 4
    public double[] geomFriction = {};// ngeom x 3
    public double[] geomMargin = {}, geomGap = {}; // ngeom
    public float[] geomRgba = {};     // ngeom x 4 (visual only; used by the renderer)

    // ---- sites ----
    public String[] siteName = {};
    public int[] siteType = {}, siteBodyid = {};
    public double[] siteSize = {};    // nsite x 3
    public double[] sitePos = {};     // nsite x 3
    public double[] siteQuat = {};    // nsite x 4

    // ---- actuators (motors: gain = gear, no dynamics, no bias) ----
    public String[] actuatorName = {};
    public int[] actuatorTrntype = {}, actuatorDyntype = {}, actuatorGaintype = {}, actuatorBiastype = {},
            actuatorTrnid = {}; // actuatorTrnid: nu x 2
    public boolean[] actuatorCtrllimited = {}, actuatorForcelimited = {};
    public double[] actuatorGainprm = {};   // nu x 10
    public double[] actuatorBiasprm = {};   // nu x 10
    public double[] actuatorCtrlrange = {}; // nu x 2
    public double[] actuatorForcerange = {};// nu x 2
    public double[] actuatorGear = {};      // nu x 6

    // ---- sensors ----
    public String[] sensorName = {};
    public int[] sensorType = {}, sensorObjtype = {}, sensorObjid = {}, sensorDim = {}, sensorAdr = {};

    // ---- contact exclusions (<contact><exclude body1 body2/>) as body-id pairs ----
    public int[] excludeBody1 = {}, excludeBody2 = {};

    /** Index of the named body, or -1. */
    public int bodyId(String n) { return indexOf(bodyName, n); }
    public int jointId(String n) { return indexOf(jntName, n); }
    public int geomId(String n) { return indexOf(geomName, n); }
    public int siteId(String n) { return indexOf(siteName, n); }
    public int actuatorId(String n) { return indexOf(actuatorName, n); }
    public int sensorId(String n) { return indexOf(sensorName, n); }

    // ---- constants MuJoCo derives at compile time (same names as mjModel; read from dumps by ModelFields too) ----
    public double optApirate = 100, optNoslipTolerance = 1e-6, optMprTolerance = 1e-6;
    public int optCollision = 0, optJacobian = 2, optNoslipIterations = 0, optMprIterations = 50;
    public double[] optMagnetic = {0, -0.5, 0};
    public int nmocap;
    /** Buffer sizes from {@code <size>}: at most nconmax contacts and njmax constraint rows (2.2.2 defaults). */
    public int nconmax = 100, njmax = 500;
    public int[] bodyMocapid = {}, bodySimple = {}, bodySameframe = {}; // nbody
    /** Inverse inertia weights at qpos0 (translation, rotation), from mj_setConst: nbody x 2. */
    public double[] bodyInvweight0 = {};
    public int[] dofSimplenum = {};
    /** Diagonal of M^-1 at qpos0 (averaged over a free joint's translational / rotational blocks): nv. */
    public double[] dofInvweight0 = {};
    /** Diagonal of M at qpos0 (with armature): nv. */
    public double[] dofM0 = {};
    public int[] geomDataid = {}, geomSameframe = {}; // ngeom
    public double[] geomFluid = {};   // ngeom x 12
    public int[] siteSameframe = {};  // nsite
    public boolean[] actuatorActlimited = {};
    public double[] actuatorDynprm = {};     // nu x 10
    public double[] actuatorActrange = {};   // nu x 2
    public double[] actuatorCranklength = {};// nu
    /** |M^-1 J^T| scale of each actuator at qpos0 (mj_setConst): nu. */
    public double[] actuatorAcc0 = {};
    public double[] actuatorLength0 = {};    // nu
    public double[] actuatorLengthrange = {};// nu x 2
    public int[] sensorDatatype = {}, sensorNeedstage = {}, sensorReftype = {}, sensorRefid = {}; // nsensor
    public double[] sensorCutoff = {}, sensorNoise = {}; // nsensor
    /** Site rgba (visual only). */
    public float[] siteRgba = {};

    private static int indexOf(String[] names, String n) {
        for (int i = 0; i < names.length; i++) if (n.equals(names[i])) return i;
        return -1;
    }
}
