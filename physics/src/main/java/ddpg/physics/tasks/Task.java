package ddpg.physics.tasks;

import ddpg.physics.model.Model;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One Control Suite task bound to a compiled model: where its episodes start, what the agent sees and what it is
 * rewarded for. It reads and writes the simulation only through {@link TaskPhysics}, so the same code runs on our
 * simulator and on recorded MuJoCo arrays. The episode loop around it (action repeat, time limit, clipping) is
 * {@code ddpg.physics.env.ControlSuiteEnv}; {@code ddpg.physics.env.Tasks} makes tasks by name.
 */
public abstract class Task {
    final String name;
    final Model model;

    Task(String name, Model model) {
        this.name = name;
        this.model = model;
    }

    /** The task's name, e.g. "walker-run". */
    public final String name() { return name; }

    /** The compiled model the task runs on. */
    public final Model model() { return model; }

    /** Control timestep in seconds (a multiple of the physics timestep). */
    public abstract double controlTimestep();

    /** Episode duration in seconds. */
    public abstract double timeLimit();

    public abstract int observationSize();

    /** Writes the initial state (qpos, maybe qvel), drawing from {@code rng} in dm_control's order. */
    public abstract void initializeEpisode(TaskPhysics p, SplitMix64 rng);

    /** The observation, dm_control's OrderedDict flattened in key order, into {@code out}. */
    public abstract void observe(TaskPhysics p, double[] out);

    /** The reward of the state the physics is in (after a step), in [0, 1]. */
    public abstract double reward(TaskPhysics p);

    /**
     * dm_control's observation keys and their lengths, in key order: the parts {@link #observe} writes one after
     * the other (their sizes add up to {@link #observationSize()}). {@code ddpg.physics.env.ObservationSpec} is
     * built from it.
     */
    public abstract Map<String, Integer> observationParts();

    /** "orientations 14, height 1, velocity 9": the observation keys and their lengths, in order. */
    public final String layout() {
        StringJoiner j = new StringJoiner(", ");
        for (Map.Entry<String, Integer> e : observationParts().entrySet()) j.add(e.getKey() + " " + e.getValue());
        return j.toString();
    }

    /** An ordered map of the given (name, size) pairs, for {@link #observationParts()}. */
    static Map<String, Integer> parts(Object... nameSize) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < nameSize.length; i += 2) m.put((String) nameSize[i], (Integer) nameSize[i + 1]);
        return Collections.unmodifiableMap(m);
    }

    /** The target's world (x, y) for tasks that place one each episode (the reacher); null for the others. */
    public double[] target() {
        return null;
    }

    /** Places the target (world x, y) of a task that has one; the others reject it. */
    public void setTarget(double x, double y) {
        throw new IllegalArgumentException(name + " has no target to place");
    }

    /** Physics steps per control step. */
    public final int substeps() {
        double q = controlTimestep() / model.optTimestep;
        long n = Math.round(q);
        if (n < 1 || Math.abs(q - n) > 1e-8) {
            throw new IllegalStateException(name + ": control timestep " + controlTimestep()
                    + " s is not a multiple of the physics timestep " + model.optTimestep + " s");
        }
        return (int) n;
    }

    /** Control steps per episode. */
    public final int episodeLength() {
        return (int) Math.round(timeLimit() / (model.optTimestep * substeps()));
    }

    // ---- helpers shared by the domains ----

    final int body(String n) {
        int id = model.bodyId(n);
        if (id < 0) throw new IllegalStateException(name + ": model " + model.source + " has no body '" + n + "'");
        return id;
    }

    final int geom(String n) {
        int id = model.geomId(n);
        if (id < 0) throw new IllegalStateException(name + ": model " + model.source + " has no geom '" + n + "'");
        return id;
    }

    final int joint(String n) {
        int id = model.jointId(n);
        if (id < 0) throw new IllegalStateException(name + ": model " + model.source + " has no joint '" + n + "'");
        return id;
    }

    /** Address in sensordata of the named sensor. */
    final int sensor(String n) {
        int id = model.sensorId(n);
        if (id < 0) throw new IllegalStateException(name + ": model " + model.source + " has no sensor '" + n + "'");
        return model.sensorAdr[id];
    }
}
