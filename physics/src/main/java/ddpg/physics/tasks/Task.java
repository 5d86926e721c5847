package ddpg.physics.tasks;

import ddpg.physics.model.Model;

/**
 * One Control Suite task bound to a compiled model: where its episodes start, what the agent sees and what it is
 * rewarded for. The episode loop around it (action repeat, time limit, clipping) is {@link ControlSuiteEnv}.
 */
abstract class Task {
    final String name;
    final Model model;

    Task(String name, Model model) {
        this.name = name;
        this.model = model;
    }

    /** Control timestep in seconds (a multiple of the physics timestep). */
    abstract double controlTimestep();

    /** Episode duration in seconds. */
    abstract double timeLimit();

    abstract int observationSize();

    /** Writes the initial state (qpos, maybe qvel or model fields), drawing from {@code rng} in dm_control's order. */
    abstract void initializeEpisode(TaskPhysics p, SplitMix64 rng);

    /** The observation, dm_control's OrderedDict flattened in key order, into {@code out}. */
    abstract void observe(TaskPhysics p, double[] out);

    /** The reward of the state the physics is in (after a step), in [0, 1]. */
    abstract double reward(TaskPhysics p);

    /** Observation keys and their lengths, in order (for {@code ddpg.jar tasks} and error messages). */
    abstract String layout();

    final int substeps() {
        double q = controlTimestep() / model.optTimestep;
        long n = Math.round(q);
        if (n < 1 || Math.abs(q - n) > 1e-8) {
            throw new IllegalStateException(name + ": control timestep " + controlTimestep()
                    + " s is not a multiple of the physics timestep " + model.optTimestep + " s");
        }
        return (int) n;
    }

    final int episodeLength() {
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
