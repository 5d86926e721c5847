package ddpg.physics.mjcf;

import java.util.ArrayList;
import java.util.List;

/** Intermediate, per-element results of reading the MJCF tree, before they are laid out as {@code Model} arrays. */
final class Specs {
    private Specs() {}

    static final class Body {
        String name = "";
        int id, parent = -1, depth;
        double[] pos = new double[3], quat = {1, 0, 0, 0};
        XmlElement xml;
        final List<Joint> joints = new ArrayList<>();
        final List<Geom> geoms = new ArrayList<>();
        final List<Site> sites = new ArrayList<>();
        final List<Body> children = new ArrayList<>();
        Inertial inertial;
        // compiled mass properties
        double mass;
        double[] ipos = new double[3], iquat = {1, 0, 0, 0}, inertia = new double[3];
    }

    static final class Inertial {
        double mass;
        double[] pos, quat, diag; // diag: principal moments in the frame of quat
        XmlElement xml;
    }

    static final class Joint {
        String name = "";
        int type;
        double[] pos = new double[3], axis = {0, 0, 1};
        boolean limited;
        double[] range = new double[2];
        double[] solref, solimp, solreffriction, solimpfriction;
        double stiffness, springref, ref, armature, damping, frictionloss, margin;
        Body body;
        XmlElement xml;
    }

    static final class Geom {
        String name = "";
        int type, contype, conaffinity, condim, priority, group;
        double[] size, pos, quat, friction, solref, solimp;
        double solmix, margin, gap, mass;
        double[] inertia = new double[3];
        float[] rgba;
        Body body;
        XmlElement xml;
    }

    static final class Site {
        String name = "";
        int type;
        double[] size, pos, quat;
        float[] rgba;
        Body body;
        XmlElement xml;
    }

    static final class Actuator {
        String name = "";
        int joint;
        boolean ctrllimited, forcelimited;
        double[] gear, ctrlrange, forcerange;
        XmlElement xml;
    }

    static final class Sensor {
        String name = "";
        int type, objtype, objid, dim, datatype, needstage;
        double noise, cutoff;
        XmlElement xml;
    }
}
