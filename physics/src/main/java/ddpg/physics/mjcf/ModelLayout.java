package ddpg.physics.mjcf;

import ddpg.physics.math.Rot;
import ddpg.physics.model.Model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lays the compiled elements out as {@link Model} arrays in MuJoCo's order: bodies depth-first; joints, geoms and
 * sites grouped by body in body order (document order within a body); dofs and qpos slots following the joints.
 * Also derives the tree bookkeeping: root and weld bodies, the dof tree ({@code dof_parentid}) and the sparse
 * mass-matrix addresses ({@code dof_Madr}, {@code nM}).
 */
final class ModelLayout {
    private ModelLayout() {}

    static void bodiesJointsGeomsSites(Model m, List<Specs.Body> bodies) {
        List<Specs.Joint> joints = new ArrayList<>();
        List<Specs.Geom> geoms = new ArrayList<>();
        List<Specs.Site> sites = new ArrayList<>();
        for (Specs.Body b : bodies) { joints.addAll(b.joints); geoms.addAll(b.geoms); sites.addAll(b.sites); }
        int nbody = bodies.size(), njnt = joints.size(), ngeom = geoms.size(), nsite = sites.size();
        checkUnique(bodies.stream().map(b -> b.name).toList(), bodies.stream().map(b -> b.xml).toList(), "body");
        checkUnique(joints.stream().map(j -> j.name).toList(), joints.stream().map(j -> j.xml).toList(), "joint");
        checkUnique(geoms.stream().map(g -> g.name).toList(), geoms.stream().map(g -> g.xml).toList(), "geom");
        checkUnique(sites.stream().map(s -> s.name).toList(), sites.stream().map(s -> s.xml).toList(), "site");

        // ---- joints, dofs, qpos ----
        int nq = 0, nv = 0;
        int[] jntQposadr = new int[njnt], jntDofadr = new int[njnt];
        for (int j = 0; j < njnt; j++) {
            Specs.Joint jt = joints.get(j);
            if (jt.type == Model.JNT_FREE) {
                if (jt.body.parent != 0) throw jt.xml.error("a free joint can only be used in a body that is a child of the world");
                if (jt.body.joints.size() != 1) throw jt.xml.error("a body with a free joint cannot have other joints");
            }
            jntQposadr[j] = nq;
            jntDofadr[j] = nv;
            nq += qposSize(jt.type);
            nv += dofSize(jt.type);
        }
        m.nbody = nbody; m.njnt = njnt; m.ngeom = ngeom; m.nsite = nsite; m.nq = nq; m.nv = nv;
        m.jntName = new String[njnt];
        m.jntType = new int[njnt]; m.jntQposadr = jntQposadr; m.jntDofadr = jntDofadr; m.jntBodyid = new int[njnt];
        m.jntLimited = new boolean[njnt];
        m.jntSolref = new double[2 * njnt]; m.jntSolimp = new double[5 * njnt];
        m.jntPos = new double[3 * njnt]; m.jntAxis = new double[3 * njnt];
        m.jntStiffness = new double[njnt]; m.jntRange = new double[2 * njnt]; m.jntMargin = new double[njnt];
        m.qpos0 = new double[nq]; m.qposSpring = new double[nq];
        m.dofBodyid = new int[nv]; m.dofJntid = new int[nv]; m.dofParentid = new int[nv]; m.dofMadr = new int[nv];
        m.dofSimplenum = new int[nv];
        m.dofSolref = new double[2 * nv]; m.dofSolimp = new double[5 * nv];
        m.dofFrictionloss = new double[nv]; m.dofArmature = new double[nv]; m.dofDamping = new double[nv];
        for (int j = 0; j < njnt; j++) {
            Specs.Joint jt = joints.get(j);
            m.jntName[j] = jt.name;
            m.jntType[j] = jt.type;
            m.jntBodyid[j] = jt.body.id;
            m.jntLimited[j] = jt.limited;
            System.arraycopy(jt.solref, 0, m.jntSolref, 2 * j, 2);
            System.arraycopy(jt.solimp, 0, m.jntSolimp, 5 * j, 5);
            System.arraycopy(jt.pos, 0, m.jntPos, 3 * j, 3);
            System.arraycopy(jt.axis, 0, m.jntAxis, 3 * j, 3);
            m.jntStiffness[j] = jt.stiffness;
            System.arraycopy(jt.range, 0, m.jntRange, 2 * j, 2);
            m.jntMargin[j] = jt.margin;
            int qa = jntQposadr[j];
            if (jt.type == Model.JNT_FREE) {
                // a free joint starts where the XML put its body
                System.arraycopy(jt.body.pos, 0, m.qpos0, qa, 3);
                System.arraycopy(jt.body.quat, 0, m.qpos0, qa + 3, 4);
                System.arraycopy(m.qpos0, qa, m.qposSpring, qa, 7);
            } else {
                m.qpos0[qa] = jt.ref;
                m.qposSpring[qa] = jt.springref;
            }
            for (int k = 0; k < dofSize(jt.type); k++) {
                int d = jntDofadr[j] + k;
                m.dofBodyid[d] = jt.body.id;
                m.dofJntid[d] = j;
                System.arraycopy(jt.solreffriction, 0, m.dofSolref, 2 * d, 2);
                System.arraycopy(jt.solimpfriction, 0, m.dofSolimp, 5 * d, 5);
                m.dofFrictionloss[d] = jt.frictionloss;
                m.dofArmature[d] = jt.armature;
                m.dofDamping[d] = jt.damping;
            }
        }

        // ---- bodies ----
        m.bodyName = new String[nbody];
        m.bodyParentid = new int[nbody]; m.bodyRootid = new int[nbody]; m.bodyWeldid = new int[nbody];
        m.bodyMocapid = new int[nbody]; m.bodySimple = new int[nbody]; m.bodySameframe = new int[nbody];
        m.bodyJntnum = new int[nbody]; m.bodyJntadr = new int[nbody]; m.bodyDofnum = new int[nbody];
        m.bodyDofadr = new int[nbody]; m.bodyGeomnum = new int[nbody]; m.bodyGeomadr = new int[nbody];
        m.bodyPos = new double[3 * nbody]; m.bodyQuat = new double[4 * nbody];
        m.bodyIpos = new double[3 * nbody]; m.bodyIquat = new double[4 * nbody];
        m.bodyMass = new double[nbody]; m.bodySubtreemass = new double[nbody]; m.bodyInertia = new double[3 * nbody];
        int jadr = 0, gadr = 0;
        int[] lastDof = new int[nbody]; // last dof of each body's chain to the root, -1 if none
        for (Specs.Body b : bodies) {
            int i = b.id;
            m.bodyName[i] = b.name;
            m.bodyParentid[i] = Math.max(b.parent, 0);
            m.bodyRootid[i] = i == 0 ? 0 : (b.parent == 0 ? i : m.bodyRootid[b.parent]);
            m.bodyWeldid[i] = i == 0 ? 0 : (b.joints.isEmpty() ? m.bodyWeldid[b.parent] : i);
            m.bodyMocapid[i] = -1;
            m.bodyJntnum[i] = b.joints.size();
            m.bodyJntadr[i] = b.joints.isEmpty() ? -1 : jadr;
            int dofs = 0;
            for (Specs.Joint jt : b.joints) dofs += dofSize(jt.type);
            m.bodyDofnum[i] = dofs;
            m.bodyDofadr[i] = dofs == 0 ? -1 : m.jntDofadr[jadr];
            m.bodyGeomnum[i] = b.geoms.size();
            m.bodyGeomadr[i] = b.geoms.isEmpty() ? -1 : gadr;
            jadr += b.joints.size();
            gadr += b.geoms.size();
            System.arraycopy(b.pos, 0, m.bodyPos, 3 * i, 3);
            System.arraycopy(b.quat, 0, m.bodyQuat, 4 * i, 4);
            System.arraycopy(b.ipos, 0, m.bodyIpos, 3 * i, 3);
            System.arraycopy(b.iquat, 0, m.bodyIquat, 4 * i, 4);
            System.arraycopy(b.inertia, 0, m.bodyInertia, 3 * i, 3);
            m.bodyMass[i] = b.mass;
            m.bodySameframe[i] = isOrigin(b.ipos, b.iquat) ? 1 : 0;
            // dof tree: each dof's parent is the previous dof of its own joint chain, else the parent body's last dof
            int prev = i == 0 ? -1 : lastDof[b.parent];
            if (dofs > 0) {
                for (int d = m.bodyDofadr[i]; d < m.bodyDofadr[i] + dofs; d++) { m.dofParentid[d] = prev; prev = d; }
            }
            lastDof[i] = prev;
            // MuJoCo's "simple body" flag (a shortcut it takes in its sparse code; we never rely on it): set for
            // bodies welded to the world. MuJoCo may also set it for some slide-only bodies, which we do not model.
            m.bodySimple[i] = m.bodyWeldid[i] == 0 ? 1 : 0;
        }
        // children have larger ids than their parents: one backward pass accumulates every subtree
        System.arraycopy(m.bodyMass, 0, m.bodySubtreemass, 0, nbody);
        for (int i = nbody - 1; i > 0; i--) m.bodySubtreemass[m.bodyParentid[i]] += m.bodySubtreemass[i];
        // sparse M: row i holds dof i and all its ancestors
        int madr = 0;
        for (int d = 0; d < nv; d++) {
            m.dofMadr[d] = madr;
            for (int a = d; a >= 0; a = m.dofParentid[a]) madr++;
        }
        m.nM = madr;

        // ---- geoms ----
        m.geomName = new String[ngeom];
        m.geomType = new int[ngeom]; m.geomContype = new int[ngeom]; m.geomConaffinity = new int[ngeom];
        m.geomCondim = new int[ngeom]; m.geomBodyid = new int[ngeom]; m.geomPriority = new int[ngeom];
        m.geomDataid = new int[ngeom]; m.geomSameframe = new int[ngeom];
        m.geomSolmix = new double[ngeom]; m.geomSolref = new double[2 * ngeom]; m.geomSolimp = new double[5 * ngeom];
        m.geomSize = new double[3 * ngeom]; m.geomRbound = new double[ngeom];
        m.geomPos = new double[3 * ngeom]; m.geomQuat = new double[4 * ngeom];
        m.geomFriction = new double[3 * ngeom]; m.geomMargin = new double[ngeom]; m.geomGap = new double[ngeom];
        m.geomFluid = new double[12 * ngeom]; m.geomRgba = new float[4 * ngeom];
        for (int g = 0; g < ngeom; g++) {
            Specs.Geom s = geoms.get(g);
            m.geomName[g] = s.name;
            m.geomType[g] = s.type;
            m.geomContype[g] = s.contype;
            m.geomConaffinity[g] = s.conaffinity;
            m.geomCondim[g] = s.condim;
            m.geomBodyid[g] = s.body.id;
            m.geomPriority[g] = s.priority;
            m.geomDataid[g] = -1;
            m.geomSolmix[g] = s.solmix;
            System.arraycopy(s.solref, 0, m.geomSolref, 2 * g, 2);
            System.arraycopy(s.solimp, 0, m.geomSolimp, 5 * g, 5);
            System.arraycopy(s.size, 0, m.geomSize, 3 * g, 3);
            m.geomRbound[g] = MassProperties.boundingRadius(s.type, s.size);
            System.arraycopy(s.pos, 0, m.geomPos, 3 * g, 3);
            System.arraycopy(s.quat, 0, m.geomQuat, 4 * g, 4);
            System.arraycopy(s.friction, 0, m.geomFriction, 3 * g, 3);
            m.geomMargin[g] = s.margin;
            m.geomGap[g] = s.gap;
            System.arraycopy(s.rgba, 0, m.geomRgba, 4 * g, 4);
            m.geomSameframe[g] = sameFrame(s.pos, s.quat, s.body);
        }

        // ---- sites ----
        m.siteName = new String[nsite];
        m.siteType = new int[nsite]; m.siteBodyid = new int[nsite]; m.siteSameframe = new int[nsite];
        m.siteSize = new double[3 * nsite]; m.sitePos = new double[3 * nsite]; m.siteQuat = new double[4 * nsite];
        m.siteRgba = new float[4 * nsite];
        for (int s = 0; s < nsite; s++) {
            Specs.Site st = sites.get(s);
            m.siteName[s] = st.name;
            m.siteType[s] = st.type;
            m.siteBodyid[s] = st.body.id;
            System.arraycopy(st.size, 0, m.siteSize, 3 * s, 3);
            System.arraycopy(st.pos, 0, m.sitePos, 3 * s, 3);
            System.arraycopy(st.quat, 0, m.siteQuat, 4 * s, 4);
            System.arraycopy(st.rgba, 0, m.siteRgba, 4 * s, 4);
            m.siteSameframe[s] = sameFrame(st.pos, st.quat, st.body);
        }
    }

    static void actuators(Model m, List<Specs.Actuator> acts) {
        int nu = acts.size();
        checkUnique(acts.stream().map(a -> a.name).toList(), acts.stream().map(a -> a.xml).toList(), "actuator");
        m.nu = nu;
        m.na = 0;
        m.actuatorName = new String[nu];
        m.actuatorTrntype = new int[nu]; m.actuatorDyntype = new int[nu]; m.actuatorGaintype = new int[nu];
        m.actuatorBiastype = new int[nu]; m.actuatorTrnid = new int[2 * nu];
        m.actuatorCtrllimited = new boolean[nu]; m.actuatorForcelimited = new boolean[nu]; m.actuatorActlimited = new boolean[nu];
        m.actuatorDynprm = new double[10 * nu]; m.actuatorGainprm = new double[10 * nu]; m.actuatorBiasprm = new double[10 * nu];
        m.actuatorCtrlrange = new double[2 * nu]; m.actuatorForcerange = new double[2 * nu]; m.actuatorActrange = new double[2 * nu];
        m.actuatorGear = new double[6 * nu]; m.actuatorCranklength = new double[nu];
        m.actuatorAcc0 = new double[nu]; m.actuatorLength0 = new double[nu]; m.actuatorLengthrange = new double[2 * nu];
        for (int i = 0; i < nu; i++) {
            Specs.Actuator a = acts.get(i);
            m.actuatorName[i] = a.name;
            m.actuatorTrntype[i] = Model.TRN_JOINT;
            m.actuatorTrnid[2 * i] = a.joint;
            m.actuatorTrnid[2 * i + 1] = -1;
            m.actuatorCtrllimited[i] = a.ctrllimited;
            m.actuatorForcelimited[i] = a.forcelimited;
            m.actuatorDynprm[10 * i] = 1;   // motor: no activation dynamics, unit gain, no bias
            m.actuatorGainprm[10 * i] = 1;
            System.arraycopy(a.ctrlrange, 0, m.actuatorCtrlrange, 2 * i, 2);
            System.arraycopy(a.forcerange, 0, m.actuatorForcerange, 2 * i, 2);
            System.arraycopy(a.gear, 0, m.actuatorGear, 6 * i, 6);
        }
    }

    static void sensors(Model m, List<Specs.Sensor> sensors) {
        int n = sensors.size();
        checkUnique(sensors.stream().map(s -> s.name).toList(), sensors.stream().map(s -> s.xml).toList(), "sensor");
        m.nsensor = n;
        m.sensorName = new String[n];
        m.sensorType = new int[n]; m.sensorObjtype = new int[n]; m.sensorObjid = new int[n];
        m.sensorDim = new int[n]; m.sensorAdr = new int[n];
        m.sensorDatatype = new int[n]; m.sensorNeedstage = new int[n]; m.sensorReftype = new int[n]; m.sensorRefid = new int[n];
        m.sensorCutoff = new double[n]; m.sensorNoise = new double[n];
        int adr = 0;
        for (int i = 0; i < n; i++) {
            Specs.Sensor s = sensors.get(i);
            m.sensorName[i] = s.name;
            m.sensorType[i] = s.type;
            m.sensorObjtype[i] = s.objtype;
            m.sensorObjid[i] = s.objid;
            m.sensorDim[i] = s.dim;
            m.sensorAdr[i] = adr;
            m.sensorDatatype[i] = s.datatype;
            m.sensorNeedstage[i] = s.needstage;
            m.sensorRefid[i] = -1;
            m.sensorCutoff[i] = s.cutoff;
            m.sensorNoise[i] = s.noise;
            adr += s.dim;
        }
        m.nsensordata = adr;
    }

    static int qposSize(int type) {
        return type == Model.JNT_FREE ? 7 : type == Model.JNT_BALL ? 4 : 1;
    }

    static int dofSize(int type) {
        return type == Model.JNT_FREE ? 6 : type == Model.JNT_BALL ? 3 : 1;
    }

    /** 1: the element's frame is the body frame; 2: it is the body's inertial frame; 0: neither. */
    private static int sameFrame(double[] pos, double[] quat, Specs.Body b) {
        if (isOrigin(pos, quat)) return 1;
        if (close(pos, b.ipos) && close(quat, b.iquat)) return 2;
        return 0;
    }

    private static boolean isOrigin(double[] pos, double[] quat) {
        return close(pos, new double[3]) && close(quat, Rot.identityQuat());
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) return false; // exact, as MuJoCo (equal directions written differently differ)
        return true;
    }

    private static void checkUnique(List<String> names, List<XmlElement> where, String kind) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.isEmpty()) continue;
            if (!seen.add(n)) throw where.get(i).error("name", "repeated " + kind + " name '" + n + "'");
        }
    }
}
