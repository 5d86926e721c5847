package ddpg.physics.mjcf;

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
     * @param angleScale pi/180 with {@code angle="degree"}, else 1 (applies to euler and axisangle)
     * @param eulerSeq the compiler's {@code eulerseq}: lower case = rotate about the moving axes, upper case = fixed
     */
    static double[] of(Attrs a, double angleScale, String eulerSeq) {
        // the most specific layer with any orientation attribute decides
        XmlElement layer = a.mostSpecificWithAny(ATTRIBUTES);
        if (layer == null) return Quat.IDENTITY.clone();
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
                return Quat.normalize(v, layer, which);
            }
            case "axisangle": {
                if (v.length != 4) throw layer.error(which, "expected 4 numbers, found " + v.length);
                double n = Quat.norm3(v);
                if (n < 1e-10) throw layer.error(which, "axis has zero length");
                return Quat.axisAngle(new double[]{v[0] / n, v[1] / n, v[2] / n}, v[3] * angleScale);
            }
            case "zaxis": {
                if (v.length != 3) throw layer.error(which, "expected 3 numbers, found " + v.length);
                double n = Quat.norm3(v);
                if (n < 1e-10) throw layer.error(which, "zero vector");
                // normalised first (unlike fromto): reproduces MuJoCo's last bits, e.g. its site_sameframe flags
                return Quat.zTo(new double[]{v[0] / n, v[1] / n, v[2] / n});
            }
            case "euler": {
                if (v.length != 3) throw layer.error(which, "expected 3 numbers, found " + v.length);
                double[] q = Quat.IDENTITY.clone();
                for (int i = 0; i < 3; i++) {
                    char c = eulerSeq.charAt(i);
                    double[] axis = new double[3];
                    axis[Character.toLowerCase(c) - 'x'] = 1;
                    double[] r = Quat.axisAngle(axis, v[i] * angleScale);
                    q = Character.isLowerCase(c) ? Quat.mul(q, r) : Quat.mul(r, q);
                }
                return q;
            }
            case "xyaxes": {
                if (v.length != 6) throw layer.error(which, "expected 6 numbers, found " + v.length);
                double[] x = {v[0], v[1], v[2]}, y = {v[3], v[4], v[5]};
                double nx = Quat.norm3(x);
                if (nx < 1e-10) throw layer.error(which, "x axis has zero length");
                for (int i = 0; i < 3; i++) x[i] /= nx;
                double d = x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
                for (int i = 0; i < 3; i++) y[i] -= d * x[i];
                double ny = Quat.norm3(y);
                if (ny < 1e-10) throw layer.error(which, "y axis is parallel to the x axis");
                for (int i = 0; i < 3; i++) y[i] /= ny;
                double[] z = {x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]};
                return Quat.fromMat(new double[]{x[0], y[0], z[0], x[1], y[1], z[1], x[2], y[2], z[2]});
            }
            default:
                throw new IllegalStateException(which);
        }
    }
}
