package ddpg.physics.mjcf;

import ddpg.physics.model.Model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code <option>} element and its {@code <flag>} child. Values the simulator does not implement (other
 * integrators, cones or solvers, fluid forces) are errors rather than being silently ignored.
 */
final class OptionReader {
    private OptionReader() {}

    private static final Map<String, Integer> DISABLE = Map.ofEntries(
            Map.entry("constraint", Model.DSBL_CONSTRAINT), Map.entry("equality", Model.DSBL_EQUALITY),
            Map.entry("frictionloss", Model.DSBL_FRICTIONLOSS), Map.entry("limit", Model.DSBL_LIMIT),
            Map.entry("contact", Model.DSBL_CONTACT), Map.entry("passive", Model.DSBL_PASSIVE),
            Map.entry("gravity", Model.DSBL_GRAVITY), Map.entry("clampctrl", Model.DSBL_CLAMPCTRL),
            Map.entry("warmstart", Model.DSBL_WARMSTART), Map.entry("filterparent", Model.DSBL_FILTERPARENT),
            Map.entry("actuation", Model.DSBL_ACTUATION), Map.entry("refsafe", Model.DSBL_REFSAFE),
            Map.entry("sensor", 1 << 12));
    private static final Map<String, Integer> ENABLE = Map.of(
            "override", Model.ENBL_OVERRIDE, "energy", Model.ENBL_ENERGY, "fwdinv", Model.ENBL_FWDINV,
            "sensornoise", Model.ENBL_SENSORNOISE, "multiccd", 1 << 4);

    static void read(XmlElement e, Model m) {
        Schema.check(e, Schema.OPTION);
        Attrs a = new Attrs(e, List.of());
        m.optTimestep = a.dbl("timestep", m.optTimestep);
        if (!(m.optTimestep > 0)) throw e.error("timestep", "must be positive");
        m.optApirate = a.dbl("apirate", m.optApirate);
        m.optImpratio = a.dbl("impratio", m.optImpratio);
        m.optTolerance = a.dbl("tolerance", m.optTolerance);
        m.optNoslipTolerance = a.dbl("noslip_tolerance", m.optNoslipTolerance);
        m.optMprTolerance = a.dbl("mpr_tolerance", m.optMprTolerance);
        m.optGravity = a.vec("gravity", m.optGravity);
        m.optWind = a.vec("wind", m.optWind);
        m.optMagnetic = a.vec("magnetic", m.optMagnetic);
        m.optDensity = a.dbl("density", m.optDensity);
        m.optViscosity = a.dbl("viscosity", m.optViscosity);
        m.optOMargin = a.dbl("o_margin", m.optOMargin);
        m.optOSolref = a.vec("o_solref", m.optOSolref);
        m.optOSolimp = a.vec("o_solimp", m.optOSolimp);
        m.optIterations = a.integer("iterations", m.optIterations);
        m.optNoslipIterations = a.integer("noslip_iterations", m.optNoslipIterations);
        m.optMprIterations = a.integer("mpr_iterations", m.optMprIterations);
        String integrator = a.keyword("integrator", m.optIntegrator == Model.INT_RK4 ? "RK4" : "Euler", Set.of("Euler", "RK4", "implicit"));
        if (integrator.equals("implicit")) throw e.error("integrator", "'implicit' is not supported; use Euler or RK4");
        m.optIntegrator = integrator.equals("RK4") ? Model.INT_RK4 : Model.INT_EULER;
        if (!a.keyword("cone", "pyramidal", Set.of("pyramidal", "elliptic")).equals("pyramidal"))
            throw e.error("cone", "'elliptic' is not supported; use pyramidal");
        if (!a.keyword("solver", "Newton", Set.of("PGS", "CG", "Newton")).equals("Newton"))
            throw e.error("solver", "only the Newton solver is supported");
        String jac = a.keyword("jacobian", "auto", Set.of("dense", "sparse", "auto"));
        m.optJacobian = switch (jac) { case "dense" -> 0; case "sparse" -> 1; default -> 2; };
        String col = a.keyword("collision", "all", Set.of("all", "predefined", "dynamic"));
        if (!col.equals("all")) throw e.error("collision", "only collision=\"all\" is supported");
        if (m.optDensity != 0 || m.optViscosity != 0 || m.optWind[0] != 0 || m.optWind[1] != 0 || m.optWind[2] != 0)
            throw e.error("fluid forces (density, viscosity, wind) are not supported; leave them 0");
        if (m.optNoslipIterations != 0) throw e.error("noslip_iterations", "the noslip solver is not supported; leave it 0");
        for (XmlElement c : e.children) {
            if (!c.tag.equals("flag")) throw c.error("unknown element inside <option> (only <flag>)");
            readFlags(c, m);
        }
    }

    private static void readFlags(XmlElement f, Model m) {
        for (Map.Entry<String, String> at : f.attrs.entrySet()) {
            String name = at.getKey(), v = at.getValue().strip();
            if (!v.equals("enable") && !v.equals("disable")) throw f.error(name, "expected enable or disable, found '" + v + "'");
            boolean on = v.equals("enable");
            if (DISABLE.containsKey(name)) {
                int bit = DISABLE.get(name);
                m.optDisableflags = on ? m.optDisableflags & ~bit : m.optDisableflags | bit;
            } else if (ENABLE.containsKey(name)) {
                int bit = ENABLE.get(name);
                if (on && name.equals("override")) throw f.error(name, "contact override is not supported");
                m.optEnableflags = on ? m.optEnableflags | bit : m.optEnableflags & ~bit;
            } else {
                throw f.error(name, "unknown flag");
            }
        }
    }
}
