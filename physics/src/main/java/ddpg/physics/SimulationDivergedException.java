package ddpg.physics;

/**
 * The simulation left the physical range (NaN, infinity or an absurd magnitude in qpos, qvel or qacc). Carries
 * where and when, so the caller (e.g. the training loop) can end the episode, log it and reset.
 */
public final class SimulationDivergedException extends RuntimeException {
    private final String model, quantity, joint;
    private final double time, value;
    private final int index;

    public SimulationDivergedException(String model, double time, String quantity, int index, String joint,
                                       double value, double limit) {
        super(model + ": simulation diverged" + (Double.isNaN(time) ? "" : " at t=" + time) + ": " + quantity + "["
                + index + "] (joint " + joint + ") = " + value + (Double.isFinite(value) ? " exceeds " + limit : ""));
        this.model = model;
        this.time = time;
        this.quantity = quantity;
        this.index = index;
        this.joint = joint;
        this.value = value;
    }

    private SimulationDivergedException(String message, SimulationDivergedException e) {
        super(message);
        this.model = e.model;
        this.time = e.time;
        this.quantity = e.quantity;
        this.index = e.index;
        this.joint = e.joint;
        this.value = e.value;
    }

    /** The same divergence, its message prefixed with where it happened (e.g. {@code "file.csv:12"}). */
    public SimulationDivergedException at(String where) {
        return new SimulationDivergedException(where + ": " + getMessage(), this);
    }

    public String model() { return model; }
    public double time() { return time; }
    /** "qpos", "qvel" or "qacc". */
    public String quantity() { return quantity; }
    public int index() { return index; }
    /** Name of the joint owning the offending entry (or "#id" when unnamed). */
    public String joint() { return joint; }
    public double value() { return value; }
}
