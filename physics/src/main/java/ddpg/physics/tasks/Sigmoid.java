package ddpg.physics.tasks;

/**
 * The shapes {@link Tolerance} can fall off with outside its bounds. Each is scaled so that {@code s(0) = 1} and
 * {@code s(1) = valueAtMargin}; {@code d} is the distance outside the bounds measured in margins.
 */
public enum Sigmoid {
    /** {@code exp(-0.5 (d c)^2)}, {@code c = sqrt(-2 ln v)}: smooth, never reaches 0. */
    GAUSSIAN(false),
    /** {@code 1 / cosh(d c)}, {@code c = arccosh(1/v)}. */
    HYPERBOLIC(false),
    /** {@code 1 / ((d c)^2 + 1)}, {@code c = sqrt(1/v - 1)}: a slow, heavy tail. */
    LONG_TAIL(false),
    /** {@code 1 / (|d| c + 1)}, {@code c = 1/v - 1}. */
    RECIPROCAL(false),
    /** {@code (1 + cos(pi t)) / 2} for {@code |t| < 1}, else 0, with {@code t = d arccos(2v - 1) / pi}. */
    COSINE(true),
    /** {@code 1 - t} for {@code |t| < 1}, else 0, with {@code t = d (1 - v)}. */
    LINEAR(true),
    /** {@code 1 - t^2} for {@code |t| < 1}, else 0, with {@code t = d sqrt(1 - v)}. */
    QUADRATIC(true),
    /** {@code 1 - tanh(d c)^2}, {@code c = artanh(sqrt(1 - v))}. */
    TANH_SQUARED(false);

    /** Whether the curve reaches exactly 0 at a finite distance, so that {@code valueAtMargin = 0} is allowed. */
    final boolean allowsZeroAtMargin;

    Sigmoid(boolean allowsZeroAtMargin) {
        this.allowsZeroAtMargin = allowsZeroAtMargin;
    }

    /** The curve at distance {@code d >= 0} (in margins), for a given value at d = 1. */
    double at(double d, double valueAtMargin) {
        double v = valueAtMargin;
        switch (this) {
            case GAUSSIAN: {
                double c = Math.sqrt(-2 * Math.log(v));
                double x = d * c;
                return Math.exp(-0.5 * x * x);
            }
            case HYPERBOLIC: {
                double c = arccosh(1 / v);
                return 1 / Math.cosh(d * c);
            }
            case LONG_TAIL: {
                double c = Math.sqrt(1 / v - 1);
                double x = d * c;
                return 1 / (x * x + 1);
            }
            case RECIPROCAL: {
                double c = 1 / v - 1;
                return 1 / (Math.abs(d) * c + 1);
            }
            case COSINE: {
                double t = d * (Math.acos(2 * v - 1) / Math.PI);
                return Math.abs(t) < 1 ? (1 + Math.cos(Math.PI * t)) / 2 : 0.0;
            }
            case LINEAR: {
                double t = d * (1 - v);
                return Math.abs(t) < 1 ? 1 - t : 0.0;
            }
            case QUADRATIC: {
                double t = d * Math.sqrt(1 - v);
                return Math.abs(t) < 1 ? 1 - t * t : 0.0;
            }
            case TANH_SQUARED: {
                double c = artanh(Math.sqrt(1 - v));
                double th = Math.tanh(d * c);
                return 1 - th * th;
            }
            default:
                throw new AssertionError(this);
        }
    }

    /** The name dm_control uses ("long_tail", "tanh_squared", ...). */
    public String dmName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static double arccosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }

    private static double artanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
