package ddpg.physics.mjcf;

import ddpg.physics.math.Rot;

import java.util.List;

/**
 * Turns MJCF's five ways of writing an orientation ({@code quat}, {@code axisangle}, {@code euler}, {@code xyaxes},
 * {@code zaxis}) into one unit quaternion. At most one may be given on an element; a more specific layer (the element)
 * replaces a default class's orientation.
 */
final class Orientation {
    private Orientation() {}

    static final List<String> ATTRIBUTES = List.of("quat", "axisangle", "euler", "xyaxes", "zaxis");

    /**
     * Angles of euler and axisangle follow the compiler's {@code angle}; its {@code eulerseq} says the axes, lower
     * case = rotate about the moving axes, upper case = about the fixed ones.
     */
    static double[] of(Attrs a, CompilerSettings cs) {
        String eulerSeq = cs.eulerSeq;
        // the most specific layer with any orientation attribute decides
        XmlElement layer = a.mostSpecificWithAny(ATTRIBUTES);
        if (layer == null) return Rot.identityQuat();
        String which = null;
        for (String name : ATTRIBUTES) {
            if (!layer.has(name)) continue;
            if (which != null) throw layer.error(name, "more than one orientation given ('" + which + "' and '" + name + "'); keep one");
            which = name;
        }
        double[] v = Attrs.numbers(layer, which);
        switch (which) {
            case "quat": {
                if (v.length != 4) throw layer.error(which, "expected 4 numbers, found " + v.length);
                return normalizedQuat(v, layer, which);
            }
            case "axisangle": {
                if (v.length != 4) throw layer.error(which, "expected 4 numbers, found " + v.length);
                double n = Rot.norm3(v);
                if (n < 1e-10) throw layer.error(which, "axis has zero length");
                return Rot.unit(Rot.axisAngle(new double[]{v[0] / n, v[1] / n, v[2] / n}, cs.radians(v[3])));
            }
            case "zaxis": {
                if (v.length != 3) throw layer.error(which, "expected 3 numbers, found " + v.length);
                double n = Rot.norm3(v);
                if (n < 1e-10) throw layer.error(which, "zero vector");
                return Rot.unit(Rot.zTo(v)); // an orientation attribute's quaternion is normalised again
            }
            case "euler": {
                if (v.length != 3) throw layer.error(which, "expected 3 numbers, found " + v.length);
                double[] q = Rot.identityQuat();
                for (int i = 0; i < 3; i++) {
                    char c = eulerSeq.charAt(i);
                    double[] axis = new double[3];
                    axis[Character.toLowerCase(c) - 'x'] = 1;
                    double[] r = Rot.axisAngle(axis, cs.radians(v[i]));
                    q = Rot.unit(Character.isLowerCase(c) ? Rot.mul(q, r) : Rot.mul(r, q)); // renormalised each step, as MuJoCo
                }
                return Rot.unit(q);
            }
            case "xyaxes": {
                if (v.length != 6) throw layer.error(which, "expected 6 numbers, found " + v.length);
                double[] x = {v[0], v[1], v[2]}, y = {v[3], v[4], v[5]};
                double nx = Rot.norm3(x);
                if (nx < 1e-10) throw layer.error(which, "x axis has zero length");
                for (int i = 0; i < 3; i++) x[i] /= nx;
                double d = x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
                for (int i = 0; i < 3; i++) y[i] -= d * x[i];
                double ny = Rot.norm3(y);
                if (ny < 1e-10) throw layer.error(which, "y axis is parallel to the x axis");
                for (int i = 0; i < 3; i++) y[i] /= ny;
                double[] z = {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
                return Rot.fromMat(new double[]{x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]});
            }
            default:
                throw new IllegalStateException(which);
        }
    }

    /** q / |q|; a zero quaternion is an error at the attribute that wrote it. */
    private static double[] normalizedQuat(double[] q, XmlElement where, String attr) {
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        if (n < 1e-10) throw where.error(attr, "quaternion has zero length");
        return new double[]{q[0] / n, q[1] / n, q[2] / n, q[3] / n};
    }
}
