package ddpg.physics.constraint;

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
        super(model + ": simulation diverged" + (Double.isNaN(time) ? "" : " at t=" + time) + ": " + quantity + "[" + index + "] (joint " + joint
                + ") = " + value + (Double.isFinite(value) ? " exceeds " + limit : "")
                + "; end the episode and reset the state");
        this.model = model;
        this.time = time;
        this.quantity = quantity;
        this.index = index;
        this.joint = joint;
        this.value = value;
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
