package ddpg.physics.mjcf;

import ddpg.physics.math.Rot;
import ddpg.physics.model.Model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code <worldbody>} into {@link Specs}: bodies in depth-first order (MuJoCo's body ids), each with its joints,
 * geoms and sites, every attribute resolved through the default classes and converted to radians / unit quaternions.
 * Geom frames and mass properties are computed here; body inertias are left to {@link BodyInertia}.
 */
final class BodyReader {
    private static final Map<String, Integer> JOINT_TYPES = Map.of(
            "free", Model.JNT_FREE, "ball", Model.JNT_BALL, "slide", Model.JNT_SLIDE, "hinge", Model.JNT_HINGE);
    private static final Map<String, Integer> GEOM_TYPES = Map.of(
            "plane", Model.GEOM_PLANE, "hfield", Model.GEOM_HFIELD, "sphere", Model.GEOM_SPHERE,
            "capsule", Model.GEOM_CAPSULE, "ellipsoid", Model.GEOM_ELLIPSOID, "cylinder", Model.GEOM_CYLINDER,
            "box", Model.GEOM_BOX, "mesh", 7);
    private static final double[] SOLREF = {0.02, 1}, SOLIMP = {0.9, 0.95, 0.001, 0.5, 2};
    private static final double[] GREY = {0.5, 0.5, 0.5, 1};

    private final Defaults defaults;
    private final CompilerSettings cs;
    private final Map<String, double[]> materials;
    final List<Specs.Body> bodies = new ArrayList<>();

    BodyReader(Defaults defaults, CompilerSettings cs, Map<String, double[]> materials) {
        this.defaults = defaults;
        this.cs = cs;
        this.materials = materials;
        Specs.Body world = new Specs.Body();
        world.name = "world";
        bodies.add(world);
    }

    Specs.Body world() { return bodies.get(0); }

    /** Reads one {@code <worldbody>} (several are merged, as MuJoCo does). */
    void readWorld(XmlElement wb) {
        for (String a : wb.attrs.keySet()) throw wb.error(a, "<worldbody> takes no attributes");
        readTree(new Frame(world(), wb, defaults.main));
    }

    /** A body whose XML children are being read, with the default class its elements inherit. */
    private static final class Frame {
        final Specs.Body body;
        final XmlElement xml;
        final Defaults.Cls childclass;
        int next;

        Frame(Specs.Body body, XmlElement xml, Defaults.Cls childclass) {
            this.body = body;
            this.xml = xml;
            this.childclass = childclass;
        }
    }

    /**
     * Reads a body tree depth first in document order, so bodies get MuJoCo's ids (pre-order). An explicit stack
     * instead of recursion: the nesting depth is bounded by {@link XmlParser#MAX_DEPTH}, not by the thread's stack.
     */
    private void readTree(Frame top) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (f.next == f.xml.children.size()) {
                stack.pop();
                continue;
            }
            XmlElement c = f.xml.children.get(f.next++);
            Specs.Body body = f.body;
            switch (c.tag) {
                case "body" -> stack.push(openBody(body, c, f.childclass));
                case "joint" -> { requireMoving(body, c); body.joints.add(joint(body, c, classOf(c, f.childclass))); }
                case "freejoint" -> { requireMoving(body, c); body.joints.add(freeJoint(body, c)); }
                case "geom" -> body.geoms.add(geom(body, c, classOf(c, f.childclass)));
                case "site" -> body.sites.add(site(body, c, classOf(c, f.childclass)));
                case "inertial" -> {
                    if (body.id == 0) throw c.error("the world body cannot have <inertial>");
                    if (body.inertial != null) throw c.error("a body can have only one <inertial>");
                    body.inertial = inertial(c);
                }
                case "camera", "light" -> { }
                default -> throw c.error("unknown or unsupported element inside <" + f.xml.tag + ">");
            }
        }
    }

    private static void requireMoving(Specs.Body body, XmlElement c) {
        if (body.id == 0) throw c.error("the world body cannot have joints");
    }

    private Defaults.Cls classOf(XmlElement e, Defaults.Cls childclass) {
        String name = e.attr("class");
        return name == null ? childclass : defaults.get(name.strip(), e, "class");
    }

    /** A new body (next id) under {@code parent}, its own attributes read; its children are read by the caller. */
    private Frame openBody(Specs.Body parent, XmlElement e, Defaults.Cls inherited) {
        Schema.check(e, Schema.BODY);
        Specs.Body b = new Specs.Body();
        b.xml = e;
        b.id = bodies.size();
        b.parent = parent.id;
        b.depth = parent.depth + 1;
        b.name = e.has("name") ? e.attr("name").strip() : "";
        bodies.add(b);
        parent.children.add(b);
        Attrs a = new Attrs(e, List.of());
        if (a.bool("mocap", false)) throw e.error("mocap", "mocap bodies are not supported");
        b.pos = a.vec("pos", new double[3]);
        b.quat = Orientation.of(a, cs);
        Defaults.Cls cc = e.has("childclass") ? defaults.get(e.attr("childclass").strip(), e, "childclass") : inherited;
        return new Frame(b, e, cc);
    }

    private Specs.Joint joint(Specs.Body body, XmlElement e, Defaults.Cls cls) {
        Schema.check(e, Schema.JOINT);
        Attrs a = new Attrs(e, Defaults.chain(cls, "joint"));
        Specs.Joint j = new Specs.Joint();
        j.xml = e;
        j.body = body;
        j.name = e.has("name") ? e.attr("name").strip() : "";
        String type = a.str("type", "hinge");
        Integer t = JOINT_TYPES.get(type);
        if (t == null) throw a.source("type").error("type", "unknown joint type '" + type + "' (use hinge, slide, ball or free)");
        if (t == Model.JNT_BALL) throw a.source("type").error("type", "ball joints are not supported (use hinge, slide or free)");
        j.type = t;
        j.pos = a.vec("pos", new double[3]);
        double[] axis = a.vec("axis", new double[]{0, 0, 1});
        double n = Rot.norm3(axis);
        if (n < 1e-10) throw a.source("axis").error("axis", "axis has zero length");
        j.axis = new double[]{axis[0] / n, axis[1] / n, axis[2] / n};
        boolean hinge = t == Model.JNT_HINGE;
        double[] range = a.vec("range", new double[2]);
        j.limited = cs.limited(a, "limited", "range");
        if (j.limited && t == Model.JNT_FREE) throw e.error("limited", "a free joint cannot be limited");
        if (j.limited && !(range[0] < range[1]))
            throw (a.has("range") ? a.source("range") : e).error("range", "a limited joint needs range with lower < upper");
        // MuJoCo converts a hinge range to radians only when the joint is limited (checked against 2.2.2)
        boolean convert = hinge && j.limited;
        j.range = convert ? new double[]{cs.jointRadians(range[0]), cs.jointRadians(range[1])} : range;
        j.solref = a.vec("solreflimit", SOLREF);
        j.solimp = a.vec("solimplimit", SOLIMP);
        j.solreffriction = a.vec("solreffriction", SOLREF);
        j.solimpfriction = a.vec("solimpfriction", SOLIMP);
        j.stiffness = a.dbl("stiffness", 0);
        j.springref = hinge ? cs.jointRadians(a.dbl("springref", 0)) : a.dbl("springref", 0);
        j.ref = hinge ? cs.jointRadians(a.dbl("ref", 0)) : a.dbl("ref", 0);
        j.armature = a.dbl("armature", 0);
        j.damping = a.dbl("damping", 0);
        j.margin = a.dbl("margin", 0);
        j.frictionloss = a.dbl("frictionloss", 0);
        if (j.frictionloss != 0) throw a.source("frictionloss").error("frictionloss", "joint friction loss is not supported; leave it 0");
        if (j.stiffness < 0 || j.damping < 0 || j.armature < 0)
            throw e.error("stiffness, damping and armature must be non-negative");
        return j;
    }

    private Specs.Joint freeJoint(Specs.Body body, XmlElement e) {
        Schema.check(e, Schema.FREEJOINT);
        // <freejoint> ignores all defaults: a plain, unlimited, undamped 6-dof joint
        Specs.Joint j = new Specs.Joint();
        j.xml = e;
        j.body = body;
        j.name = e.has("name") ? e.attr("name").strip() : "";
        j.type = Model.JNT_FREE;
        j.solref = SOLREF.clone();
        j.solimp = SOLIMP.clone();
        j.solreffriction = SOLREF.clone();
        j.solimpfriction = SOLIMP.clone();
        return j;
    }

    private Specs.Geom geom(Specs.Body body, XmlElement e, Defaults.Cls cls) {
        Schema.check(e, Schema.GEOM);
        Attrs a = new Attrs(e, Defaults.chain(cls, "geom"));
        Specs.Geom g = new Specs.Geom();
        g.xml = e;
        g.body = body;
        g.name = e.has("name") ? e.attr("name").strip() : "";
        String type = a.str("type", "sphere");
        Integer t = GEOM_TYPES.get(type);
        if (t == null) throw a.source("type").error("type", "unknown geom type '" + type + "' (use plane, sphere, capsule, ellipsoid, cylinder or box)");
        if (t == Model.GEOM_HFIELD || t == 7) throw a.source("type").error("type", "'" + type + "' geoms are not supported");
        g.type = t;
        if (!a.str("fluidshape", "none").equals("none")) throw a.source("fluidshape").error("fluidshape", "fluid forces are not supported");
        g.size = a.vec("size", new double[3]);
        g.pos = a.vec("pos", new double[3]);
        g.quat = Orientation.of(a, cs);
        double[] fromto = a.exact("fromto", 6);
        if (fromto != null) {
            if (t != Model.GEOM_CAPSULE && t != Model.GEOM_CYLINDER)
                throw a.source("fromto").error("fromto", "only capsule and cylinder geoms can use fromto");
            placeFromTo(fromto, g.pos, g.size, a.source("fromto"));
            g.quat = Rot.zTo(new double[]{fromto[0] - fromto[3], fromto[1] - fromto[4], fromto[2] - fromto[5]});
        }
        checkSize(g.type, g.size, a, "geom");
        g.contype = a.integer("contype", 1);
        g.conaffinity = a.integer("conaffinity", 1);
        g.condim = a.integer("condim", 3);
        if (g.condim != 1 && g.condim != 3 && g.condim != 4 && g.condim != 6)
            throw a.source("condim").error("condim", "must be 1, 3, 4 or 6");
        if (g.condim == 4 || g.condim == 6)
            throw a.source("condim").error("condim", "torsional/rolling friction (condim 4, 6) is not supported; use 1 or 3");
        g.priority = a.integer("priority", 0);
        g.group = a.integer("group", 0);
        g.friction = a.vec("friction", new double[]{1, 0.005, 0.0001});
        g.solmix = a.dbl("solmix", 1);
        g.solref = a.vec("solref", SOLREF);
        g.solimp = a.vec("solimp", SOLIMP);
        g.margin = a.dbl("margin", 0);
        g.gap = a.dbl("gap", 0);
        g.rgba = rgba(a);
        // mass properties: an explicit mass fixes the density, otherwise density (default 1000) fixes the mass
        double volume = MassProperties.volume(g.type, g.size);
        double density;
        if (a.has("mass")) {
            double mass = a.dbl("mass", 0);
            if (mass < 0) throw a.source("mass").error("mass", "must be non-negative");
            density = volume > 0 ? mass / volume : 0;
        } else {
            density = a.dbl("density", 1000);
            if (density < 0) throw a.source("density").error("density", "must be non-negative");
        }
        g.mass = density * volume;
        g.inertia = MassProperties.inertia(g.type, g.size, density);
        return g;
    }

    private Specs.Site site(Specs.Body body, XmlElement e, Defaults.Cls cls) {
        Schema.check(e, Schema.SITE);
        Attrs a = new Attrs(e, Defaults.chain(cls, "site"));
        Specs.Site s = new Specs.Site();
        s.xml = e;
        s.body = body;
        s.name = e.has("name") ? e.attr("name").strip() : "";
        String type = a.str("type", "sphere");
        Integer t = GEOM_TYPES.get(type);
        if (t == null || t == Model.GEOM_PLANE || t == Model.GEOM_HFIELD || t == 7)
            throw a.source("type").error("type", "unknown site type '" + type + "' (use sphere, capsule, ellipsoid, cylinder or box)");
        s.type = t;
        s.size = a.vec("size", new double[]{0.005, 0.005, 0.005});
        s.pos = a.vec("pos", new double[3]);
        s.quat = Orientation.of(a, cs);
        double[] fromto = a.exact("fromto", 6);
        if (fromto != null) {
            if (t != Model.GEOM_CAPSULE && t != Model.GEOM_CYLINDER)
                throw a.source("fromto").error("fromto", "only capsule and cylinder sites can use fromto");
            placeFromTo(fromto, s.pos, s.size, a.source("fromto"));
            s.quat = Rot.zTo(new double[]{fromto[0] - fromto[3], fromto[1] - fromto[4], fromto[2] - fromto[5]});
        }
        s.rgba = rgba(a);
        return s;
    }

    private Specs.Inertial inertial(XmlElement e) {
        Schema.check(e, Schema.INERTIAL);
        Attrs a = new Attrs(e, List.of());
        Specs.Inertial in = new Specs.Inertial();
        in.xml = e;
        if (!a.has("mass")) throw e.error("mass", "required");
        in.mass = a.dbl("mass", 0);
        in.pos = a.vec("pos", new double[3]);
        double[] frame = Orientation.of(a, cs);
        if (a.has("fullinertia")) {
            if (a.has("diaginertia")) throw e.error("give either diaginertia or fullinertia, not both");
            double[] f = a.exact("fullinertia", 6); // Ixx Iyy Izz Ixy Ixz Iyz
            MassProperties.Principal p = MassProperties.principal(new double[]{f[0], f[3], f[4], f[3], f[1], f[5], f[4], f[5], f[2]});
            in.diag = p.values();
            in.quat = Rot.mul(frame, p.quat());
        } else {
            if (!a.has("diaginertia")) throw e.error("diaginertia", "required (or fullinertia)");
            in.diag = a.exact("diaginertia", 3);
            in.quat = frame;
        }
        if (in.mass < 0 || in.diag[0] < 0 || in.diag[1] < 0 || in.diag[2] < 0) throw e.error("mass and inertia must be non-negative");
        double[] d = in.diag;
        if (d[0] + d[1] < d[2] || d[0] + d[2] < d[1] || d[1] + d[2] < d[0])
            throw e.error("principal inertias must satisfy A + B >= C for every ordering (no real body has " + d[0] + " " + d[1] + " " + d[2] + ")");
        return in;
    }

    /** Centre at the midpoint, half-length in size[1]; the caller sets the frame (z along from - to). */
    private static void placeFromTo(double[] ft, double[] pos, double[] size, XmlElement where) {
        double dx = ft[3] - ft[0], dy = ft[4] - ft[1], dz = ft[5] - ft[2];
        double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (len < 1e-10) throw where.error("fromto", "the two points coincide");
        pos[0] = (ft[0] + ft[3]) / 2;
        pos[1] = (ft[1] + ft[4]) / 2;
        pos[2] = (ft[2] + ft[5]) / 2;
        size[1] = len / 2;
    }

    private static void checkSize(int type, double[] size, Attrs a, String what) {
        int needed = switch (type) {
            case Model.GEOM_SPHERE -> 1;
            case Model.GEOM_CAPSULE, Model.GEOM_CYLINDER -> 2;
            case Model.GEOM_ELLIPSOID, Model.GEOM_BOX -> 3;
            default -> 0;
        };
        for (int i = 0; i < needed; i++)
            if (!(size[i] > 0)) {
                XmlElement where = a.has("size") ? a.source("size") : a.element();
                throw where.error("size", what + " needs " + needed + " positive size value(s), found " + size[i] + " at index " + i);
            }
    }

    /** Explicit rgba, else the colour of the material, else MuJoCo's grey. */
    private float[] rgba(Attrs a) {
        double[] c = GREY;
        XmlElement rgbaSrc = a.source("rgba"), matSrc = a.source("material");
        if (rgbaSrc != null) c = a.vec("rgba", GREY);
        else if (matSrc != null && materials.containsKey(matSrc.attr("material").strip())) c = materials.get(matSrc.attr("material").strip());
        return new float[]{(float) c[0], (float) c[1], (float) c[2], (float) c[3]};
    }
}
