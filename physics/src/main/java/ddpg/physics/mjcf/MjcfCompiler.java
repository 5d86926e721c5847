package ddpg.physics.mjcf;

import ddpg.physics.model.Model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a parsed MJCF tree into a {@link Model}. Sections are read in a fixed order regardless of where they
 * appear in the file (compiler settings first, because they change how every number is read; defaults before bodies),
 * then bodies, joints, geoms, sites, actuators and sensors are laid out in MuJoCo's id order and the derived arrays
 * (addresses, tree ids, sparse mass-matrix layout, constants at qpos0) are filled in.
 */
final class MjcfCompiler {
    private static final Set<String> ROOT_SECTIONS = Set.of("compiler", "option", "size", "visual", "statistic",
            "default", "custom", "asset", "worldbody", "contact", "equality", "tendon", "actuator", "sensor", "keyframe");

    private final XmlElement root;
    private final String source;
    private final CompilerSettings cs = new CompilerSettings();
    private final Defaults defaults = new Defaults();
    private final Model m = new Model();

    private MjcfCompiler(XmlElement root, String source) {
        this.root = root;
        this.source = source;
    }

    static Model compile(XmlElement root, String source) {
        return new MjcfCompiler(root, source).run();
    }

    private Model run() {
        m.source = source;
        for (String a : root.attrs.keySet()) if (!a.equals("model")) throw root.error(a, "unknown attribute of <mujoco>");
        m.name = root.has("model") ? root.attr("model") : "";
        for (XmlElement s : root.children)
            if (!ROOT_SECTIONS.contains(s.tag)) throw s.error("unknown element (expected one of " + String.join(", ", new java.util.TreeSet<>(ROOT_SECTIONS)) + ")");
        for (XmlElement s : sections("compiler")) cs.read(s);
        for (XmlElement s : sections("option")) OptionReader.read(s, m);
        for (XmlElement s : sections("size")) readSize(s);
        for (XmlElement s : sections("default")) defaults.read(s);
        Map<String, double[]> materials = readMaterials();
        for (XmlElement s : sections("equality")) if (!s.children.isEmpty()) throw s.children.get(0).error("equality constraints are not supported");
        for (XmlElement s : sections("tendon")) if (!s.children.isEmpty()) throw s.children.get(0).error("tendons are not supported");

        BodyReader reader = new BodyReader(defaults, cs, materials);
        for (XmlElement s : sections("worldbody")) reader.readWorld(s);
        List<Specs.Body> bodies = reader.bodies;
        for (int i = 1; i < bodies.size(); i++) BodyInertia.compute(bodies.get(i), cs);
        applyTotalMass(bodies);
        checkMasses(bodies);

        ModelLayout.bodiesJointsGeomsSites(m, bodies);
        List<Specs.Actuator> actuators = new ArrayList<>();
        for (XmlElement s : sections("actuator")) actuators.addAll(readActuators(s));
        ModelLayout.actuators(m, actuators);
        List<Specs.Sensor> sensors = new ArrayList<>();
        for (XmlElement s : sections("sensor")) sensors.addAll(readSensors(s));
        ModelLayout.sensors(m, sensors);
        for (XmlElement s : sections("contact")) readContact(s);
        Qpos0Constants.compute(m);
        return m;
    }

    /** {@code <size>}: only the contact and constraint buffer sizes matter (overflow is a simulation error). */
    private void readSize(XmlElement e) {
        Attrs a = new Attrs(e, List.of());
        m.nconmax = a.integer("nconmax", m.nconmax);
        m.njmax = a.integer("njmax", m.njmax);
        if (m.nconmax < 0 || m.njmax < 0) throw e.error("nconmax and njmax must be non-negative");
    }

    private List<XmlElement> sections(String tag) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement s : root.children) if (s.tag.equals(tag)) out.add(s);
        return out;
    }

    /** Material colours, so geoms written with {@code material=} keep their colour for rendering. */
    private Map<String, double[]> readMaterials() {
        Map<String, double[]> out = new HashMap<>();
        for (XmlElement asset : sections("asset"))
            for (XmlElement c : asset.children)
                if (c.tag.equals("material") && c.has("name"))
                    out.put(c.attr("name").strip(), new Attrs(c, List.of()).vec("rgba", new double[]{1, 1, 1, 1}));
        return out;
    }

    private void applyTotalMass(List<Specs.Body> bodies) {
        if (!(cs.setTotalMass > 0)) return;
        double total = 0;
        for (Specs.Body b : bodies) total += b.mass;
        if (total < 1e-15) throw MjcfException.at(source, 0, "settotalmass: the model has no mass to rescale");
        double scale = cs.setTotalMass / total;
        for (Specs.Body b : bodies) {
            b.mass *= scale;
            for (int k = 0; k < 3; k++) b.inertia[k] *= scale;
        }
    }

    private static void checkMasses(List<Specs.Body> bodies) {
        for (Specs.Body b : bodies) {
            if (b.joints.isEmpty()) continue;
            if (b.mass < 1e-15 || b.inertia[0] < 1e-15 || b.inertia[1] < 1e-15 || b.inertia[2] < 1e-15)
                throw b.xml.error("body '" + b.name + "' has joints but no mass or inertia; add a geom with volume or an <inertial>");
        }
    }

    private List<Specs.Actuator> readActuators(XmlElement section) {
        for (String a : section.attrs.keySet()) throw section.error(a, "<actuator> takes no attributes");
        List<Specs.Actuator> out = new ArrayList<>();
        for (XmlElement e : section.children) {
            if (!e.tag.equals("motor"))
                throw e.error("only <motor> actuators are supported (found <" + e.tag + ">)");
            Schema.check(e, Schema.MOTOR);
            Defaults.Cls cls = e.has("class") ? defaults.get(e.attr("class").strip(), e, "class") : defaults.main;
            Attrs a = new Attrs(e, Defaults.chain(cls, "motor"));
            Specs.Actuator act = new Specs.Actuator();
            act.xml = e;
            act.name = e.has("name") ? e.attr("name").strip() : "";
            String joint = a.str("joint", null);
            if (joint == null) throw e.error("joint", "required: the joint this motor drives");
            act.joint = indexOf(m.jntName, joint);
            if (act.joint < 0) throw a.source("joint").error("joint", "no joint named '" + joint + "'");
            if (m.jntType[act.joint] == Model.JNT_FREE) throw e.error("joint", "motors on free joints are not supported");
            act.gear = a.vec("gear", new double[]{1, 0, 0, 0, 0, 0});
            act.ctrlrange = a.vec("ctrlrange", new double[2]);
            act.forcerange = a.vec("forcerange", new double[2]);
            act.ctrllimited = cs.limited(a, "ctrllimited", "ctrlrange");
            act.forcelimited = cs.limited(a, "forcelimited", "forcerange");
            if (act.ctrllimited && !(act.ctrlrange[0] < act.ctrlrange[1]))
                throw e.error("ctrlrange", "a ctrllimited motor needs ctrlrange with lower < upper");
            if (act.forcelimited && !(act.forcerange[0] < act.forcerange[1]))
                throw e.error("forcerange", "a forcelimited motor needs forcerange with lower < upper");
            out.add(act);
        }
        return out;
    }


    /** type code, object kind, dim, data type, stage for each supported sensor element. */
    private record SensorKind(int type, String objAttr, int dim, int datatype, int stage) {}

    private static final Map<String, SensorKind> SENSORS = new LinkedHashMap<>();
    static {
        SENSORS.put("touch", new SensorKind(Model.SENS_TOUCH, "site", 1, 1, Model.STAGE_ACC));
        SENSORS.put("accelerometer", new SensorKind(Model.SENS_ACCELEROMETER, "site", 3, 0, Model.STAGE_ACC));
        SENSORS.put("velocimeter", new SensorKind(Model.SENS_VELOCIMETER, "site", 3, 0, Model.STAGE_VEL));
        SENSORS.put("gyro", new SensorKind(Model.SENS_GYRO, "site", 3, 0, Model.STAGE_VEL));
        SENSORS.put("force", new SensorKind(Model.SENS_FORCE, "site", 3, 0, Model.STAGE_ACC));
        SENSORS.put("torque", new SensorKind(Model.SENS_TORQUE, "site", 3, 0, Model.STAGE_ACC));
        SENSORS.put("jointpos", new SensorKind(8, "joint", 1, 0, Model.STAGE_POS));
        SENSORS.put("jointvel", new SensorKind(9, "joint", 1, 0, Model.STAGE_VEL));
        SENSORS.put("subtreecom", new SensorKind(Model.SENS_SUBTREECOM, "body", 3, 0, Model.STAGE_POS));
        SENSORS.put("subtreelinvel", new SensorKind(Model.SENS_SUBTREELINVEL, "body", 3, 0, Model.STAGE_VEL));
        SENSORS.put("subtreeangmom", new SensorKind(Model.SENS_SUBTREEANGMOM, "body", 3, 0, Model.STAGE_VEL));
    }

    private List<Specs.Sensor> readSensors(XmlElement section) {
        for (String a : section.attrs.keySet()) throw section.error(a, "<sensor> takes no attributes");
        List<Specs.Sensor> out = new ArrayList<>();
        for (XmlElement e : section.children) {
            SensorKind k = SENSORS.get(e.tag);
            if (k == null) throw e.error("unsupported sensor (supported: " + String.join(", ", SENSORS.keySet()) + ")");
            Schema.check(e, Schema.SENSOR);
            for (String attr : List.of("site", "body", "joint"))
                if (e.has(attr) && !attr.equals(k.objAttr())) throw e.error(attr, "<" + e.tag + "> is attached with '" + k.objAttr() + "'");
            String obj = e.attr(k.objAttr());
            if (obj == null) throw e.error(k.objAttr(), "required");
            Specs.Sensor s = new Specs.Sensor();
            s.xml = e;
            s.name = e.has("name") ? e.attr("name").strip() : "";
            s.type = k.type();
            s.dim = k.dim();
            s.datatype = k.datatype();
            s.needstage = k.stage();
            String[] names = switch (k.objAttr()) {
                case "site" -> m.siteName;
                case "joint" -> m.jntName;
                default -> m.bodyName;
            };
            s.objtype = switch (k.objAttr()) {
                case "site" -> Model.OBJ_SITE;
                case "joint" -> Model.OBJ_JOINT;
                default -> Model.OBJ_BODY;
            };
            s.objid = indexOf(names, obj.strip());
            if (s.objid < 0) throw e.error(k.objAttr(), "no " + k.objAttr() + " named '" + obj + "'");
            Attrs a = new Attrs(e, List.of());
            s.noise = a.dbl("noise", 0);
            s.cutoff = a.dbl("cutoff", 0);
            out.add(s);
        }
        return out;
    }

    private void readContact(XmlElement section) {
        for (String a : section.attrs.keySet()) throw section.error(a, "<contact> takes no attributes");
        List<Integer> b1 = new ArrayList<>(), b2 = new ArrayList<>();
        for (int i = 0; i < m.excludeBody1.length; i++) { b1.add(m.excludeBody1[i]); b2.add(m.excludeBody2[i]); }
        for (XmlElement e : section.children) {
            if (!e.tag.equals("exclude")) throw e.error("only <exclude> is supported inside <contact> (explicit <pair>s are not)");
            Schema.check(e, Schema.EXCLUDE);
            int[] ids = new int[2];
            for (int k = 0; k < 2; k++) {
                String attr = "body" + (k + 1);
                String n = e.attr(attr);
                if (n == null) throw e.error(attr, "required");
                ids[k] = indexOf(m.bodyName, n.strip());
                if (ids[k] < 0) throw e.error(attr, "no body named '" + n + "'");
            }
            b1.add(ids[0]);
            b2.add(ids[1]);
        }
        m.excludeBody1 = b1.stream().mapToInt(Integer::intValue).toArray();
        m.excludeBody2 = b2.stream().mapToInt(Integer::intValue).toArray();
        m.nexclude = m.excludeBody1.length;
    }

    static int indexOf(String[] names, String n) {
        for (int i = 0; i < names.length; i++) if (n.equals(names[i])) return i;
        return -1;
    }
}
