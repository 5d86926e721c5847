package ddpg.physics.mjcf;

import java.util.Map;
import java.util.Set;

/**
 * Which attributes each MJCF element may carry here. "Handled" attributes are compiled; "visual" ones are accepted and
 * ignored because they only affect rendering or bookkeeping; anything else is an error, because silently ignoring an
 * attribute that changes the physics would make the simulation quietly wrong.
 */
final class Schema {
    private Schema() {}

    private static final Set<String> ORIENT = Set.of("quat", "axisangle", "euler", "xyaxes", "zaxis");

    static final Set<String> JOINT = Set.of("name", "class", "type", "pos", "axis", "limited", "range",
            "solreflimit", "solimplimit", "solreffriction", "solimpfriction", "stiffness", "springref", "ref",
            "armature", "damping", "frictionloss", "margin");
    static final Set<String> FREEJOINT = Set.of("name");
    static final Set<String> GEOM = union(Set.of("name", "class", "type", "contype", "conaffinity", "condim",
            "priority", "size", "friction", "mass", "density", "solmix", "solref", "solimp", "margin", "gap",
            "fromto", "pos", "rgba", "fluidshape"), ORIENT);
    static final Set<String> SITE = union(Set.of("name", "class", "type", "size", "fromto", "pos", "rgba"), ORIENT);
    static final Set<String> MOTOR = Set.of("name", "class", "joint", "gear", "ctrllimited", "ctrlrange",
            "forcelimited", "forcerange");
    static final Set<String> BODY = union(Set.of("name", "childclass", "pos", "mocap"), ORIENT);
    static final Set<String> INERTIAL = union(Set.of("pos", "mass", "diaginertia", "fullinertia"), ORIENT);
    static final Set<String> EXCLUDE = Set.of("name", "body1", "body2");
    static final Set<String> SENSOR = Set.of("name", "site", "body", "joint", "noise", "cutoff");
    static final Set<String> COMPILER = Set.of("angle", "inertiafromgeom", "settotalmass", "eulerseq", "coordinate",
            "boundmass", "boundinertia", "balanceinertia", "fusestatic", "discardvisual", "inertiagrouprange",
            "autolimits", "meshdir", "texturedir", "assetdir", "strippath", "convexhull", "usethread",
            "exactmeshinertia");
    static final Set<String> OPTION = Set.of("timestep", "apirate", "impratio", "tolerance", "noslip_tolerance",
            "mpr_tolerance", "gravity", "wind", "magnetic", "density", "viscosity", "o_margin", "o_solref",
            "o_solimp", "integrator", "collision", "cone", "jacobian", "solver", "iterations", "noslip_iterations",
            "mpr_iterations");

    /** Attributes that never affect dynamics: accepted everywhere they are legal in MJCF, and ignored. */
    static final Set<String> VISUAL = Set.of("group", "material", "user", "fluidcoef", "lengthrange", "fitscale");

    /** Elements accepted and ignored wherever they appear (rendering, statistics, bookkeeping). */
    static final Set<String> IGNORED_ELEMENTS = Set.of("asset", "visual", "statistic", "camera", "light", "keyframe",
            "custom", "size");

    static final Map<String, Set<String>> DEFAULTABLE = Map.of(
            "joint", JOINT, "geom", GEOM, "site", SITE, "motor", MOTOR);

    /** Throws at the first attribute of e that is neither handled nor visual-only. */
    static void check(XmlElement e, Set<String> handled) {
        for (String a : e.attrs.keySet()) {
            if (handled.contains(a) || VISUAL.contains(a)) continue;
            throw e.error(a, "unknown or unsupported attribute of <" + e.tag + ">");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
