package ddpg.physics.mjcf;

import java.util.List;
import java.util.Set;

/** The {@code <compiler>} element: how the XML numbers are interpreted. */
final class CompilerSettings {
    /** XML angles are degrees (the default) or radians. */
    boolean degrees = true;
    /** {@code inertiafromgeom}: "true" always, "false" never, "auto" when a body has no {@code <inertial>}. */
    String inertiaFromGeom = "auto";
    /** Rescale all masses so they sum to this; disabled when not positive. */
    double setTotalMass = -1;
    String eulerSeq = "xyz";
    boolean autoLimits = false;
    int[] inertiaGroupRange = {0, 5};

    /**
     * An orientation angle (euler, axisangle) in radians. MuJoCo computes x / 180 * pi here but x * (pi / 180) for
     * joint ranges and refs ({@link #jointRadians}); following both keeps our model equal to its last bit.
     */
    double radians(double x) {
        return degrees ? x / 180 * Math.PI : x;
    }

    /** A hinge range/ref/springref in radians, rounded the way MuJoCo does it (see {@link #radians}). */
    double jointRadians(double x) {
        return degrees ? x * (Math.PI / 180) : x;
    }

    void read(XmlElement e) {
        Schema.check(e, Schema.COMPILER);
        for (XmlElement c : e.children)
            if (!c.tag.equals("lengthrange")) throw c.error("unknown element inside <compiler>");
        Attrs a = new Attrs(e, List.of());
        degrees = a.keyword("angle", degrees ? "degree" : "radian", Set.of("degree", "radian")).equals("degree");
        inertiaFromGeom = a.keyword("inertiafromgeom", inertiaFromGeom, Set.of("true", "false", "auto"));
        setTotalMass = a.dbl("settotalmass", setTotalMass);
        autoLimits = a.bool("autolimits", autoLimits);
        if (a.has("eulerseq")) {
            String s = a.str("eulerseq", "xyz");
            if (!s.matches("[xyzXYZ]{3}")) throw e.error("eulerseq", "'" + s + "' must be 3 letters from x, y, z, X, Y, Z");
            eulerSeq = s;
        }
        if (a.has("inertiagrouprange")) {
            double[] r = a.exact("inertiagrouprange", 2);
            inertiaGroupRange = new int[]{(int) r[0], (int) r[1]};
        }
        if (!a.keyword("coordinate", "local", Set.of("local", "global")).equals("local"))
            throw e.error("coordinate", "only coordinate=\"local\" is supported");
        if (a.dbl("boundmass", 0) != 0) throw e.error("boundmass", "not supported; give the masses explicitly");
        if (a.dbl("boundinertia", 0) != 0) throw e.error("boundinertia", "not supported; give the inertias explicitly");
        if (a.bool("balanceinertia", false)) throw e.error("balanceinertia", "not supported");
        if (a.bool("fusestatic", false)) throw e.error("fusestatic", "not supported (bodies are never fused)");
        if (a.bool("discardvisual", false)) throw e.error("discardvisual", "not supported");
    }

    /**
     * Resolves a {@code limited}-style flag as MuJoCo 2.2.2 does: "true"/"false" as written; unset or "auto" means
     * "limited iff a range is given" with {@code autolimits="true"}, and is an error when a range is given without
     * autolimits (MuJoCo refuses such a model rather than guess).
     */
    boolean limited(Attrs a, String flag, String range) {
        String v = a.keyword(flag, "auto", Set.of("true", "false", "auto"));
        if (!v.equals("auto")) return v.equals("true");
        if (!a.has(range)) return false;
        if (autoLimits) return true;
        throw a.source(range).error(range, "has " + range + " but not " + flag + "; set " + flag
                + "=\"true\" or \"false\", or <compiler autolimits=\"true\"/>");
    }
}
