package ddpg.physics.collision;

/**
 * Completes a contact frame from its normal, the way MuJoCo does it, because the tangent directions fix the edges
 * of the pyramidal friction cone and therefore the numbers the solver produces.
 *
 * <p>Rule (checked against MuJoCo 2.2.2's contacts): the first tangent is the supplied hint if there is one (e.g. a
 * capsule axis), otherwise the world y axis when the normal's y component is in (-0.5, 0.5), else the world z axis;
 * the hint is made orthogonal to the normal and normalised (if nothing is left of it, the world x axis is used
 * instead); the second tangent is normal x first tangent.
 */
public final class ContactFrame {
    private ContactFrame() {}

    /** Writes the 3x3 row-major frame at {@code f[o..o+8]} for unit normal n and tangent hint t (may be zero). */
    public static void fill(double[] f, int o, double nx, double ny, double nz, double tx, double ty, double tz) {
        double nn = Math.sqrt(nx * nx + ny * ny + nz * nz);
        if (nn > 0) { nx /= nn; ny /= nn; nz /= nn; } else { nx = 1; ny = 0; nz = 0; }
        if (Math.sqrt(tx * tx + ty * ty + tz * tz) < 0.5) {
            if (ny < 0.5 && ny > -0.5) { tx = 0; ty = 1; tz = 0; } else { tx = 0; ty = 0; tz = 1; }
        }
        double d = nx * tx + ny * ty + nz * tz;
        tx -= d * nx; ty -= d * ny; tz -= d * nz;
        double tn = Math.sqrt(tx * tx + ty * ty + tz * tz);
        if (tn < 1e-15) {
            // hint parallel to the normal (a capsule standing upright on a plane): MuJoCo's normalisation of the zero
            // vector yields the x axis, which is then made orthogonal to the normal (checked with mjref)
            if (Math.abs(nx) > 1 - 1e-12) {
                fill(f, o, nx, ny, nz, 0, 0, 0);
                return;
            }
            tx = 1 - nx * nx; ty = -nx * ny; tz = -nx * nz;
            tn = Math.sqrt(tx * tx + ty * ty + tz * tz);
        }
        tx /= tn; ty /= tn; tz /= tn;
        f[o] = nx; f[o + 1] = ny; f[o + 2] = nz;
        f[o + 3] = tx; f[o + 4] = ty; f[o + 5] = tz;
        f[o + 6] = ny * tz - nz * ty;
        f[o + 7] = nz * tx - nx * tz;
        f[o + 8] = nx * ty - ny * tx;
    }
}
