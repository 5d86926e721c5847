package ddpg.physics.env;

import ddpg.physics.DidYouMean;
import ddpg.physics.mjcf.Models;
import ddpg.physics.model.Model;
import ddpg.physics.tasks.Cartpole;
import ddpg.physics.tasks.Cheetah;
import ddpg.physics.tasks.Humanoid;
import ddpg.physics.tasks.Reacher;
import ddpg.physics.tasks.Task;
import ddpg.physics.tasks.Walker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The eleven Control Suite tasks by name: {@code Tasks.make("walker-run")} gives a fresh environment,
 * {@code Tasks.spec("walker-run")} its sizes and timing without building anything. An unknown name is an
 * {@link IllegalArgumentException} with one line listing the valid names and the closest match.
 */
public final class Tasks {
    private Tasks() {}

    private record Entry(String domain, EnvSpec spec, BiFunction<String, Model, Task> factory) {}

    private static final Map<String, Entry> TASKS = new LinkedHashMap<>();

    static {
        add("cartpole-swingup", "cartpole", 5, 1, 0.01, 1, (n, m) -> new Cartpole(n, m, true));
        add("cartpole-balance", "cartpole", 5, 1, 0.01, 1, (n, m) -> new Cartpole(n, m, false));
        add("reacher-easy", "reacher", 6, 2, 0.02, 1, (n, m) -> new Reacher(n, m, 0.05));
        add("reacher-hard", "reacher", 6, 2, 0.02, 1, (n, m) -> new Reacher(n, m, 0.015));
        add("cheetah-run", "cheetah", 17, 6, 0.01, 1, Cheetah::new);
        add("walker-stand", "walker", 24, 6, 0.025, 10, (n, m) -> new Walker(n, m, 0));
        add("walker-walk", "walker", 24, 6, 0.025, 10, (n, m) -> new Walker(n, m, 1));
        add("walker-run", "walker", 24, 6, 0.025, 10, (n, m) -> new Walker(n, m, 8));
        add("humanoid-stand", "humanoid", 67, 21, 0.025, 5, (n, m) -> new Humanoid(n, m, 0));
        add("humanoid-walk", "humanoid", 67, 21, 0.025, 5, (n, m) -> new Humanoid(n, m, 1));
        add("humanoid-run", "humanoid", 67, 21, 0.025, 5, (n, m) -> new Humanoid(n, m, 10));
    }

    private static void add(String name, String domain, int nobs, int nu, double controlDt, int substeps,
                            BiFunction<String, Model, Task> factory) {
        TASKS.put(name, new Entry(domain, new EnvSpec(name, nobs, nu, controlDt, substeps, 1000), factory));
    }

    /** All task names, in the Control Suite's usual order. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(TASKS.keySet()));
    }

    /** Sizes and timing of a task (the environment's own {@link Environment#spec()} is checked to agree). */
    public static EnvSpec spec(String name) {
        return entry(name).spec;
    }

    /** The model (domain) a task runs on: "cartpole", "reacher", "cheetah", "walker" or "humanoid". */
    public static String domain(String name) {
        return entry(name).domain;
    }

    /** Observation layout of a task, e.g. "orientations 14, height 1, velocity 9". */
    public static String layout(String name) {
        return observationSpec(name).toString();
    }

    /** The named observation parts of a task on the project's model files (compiles the model, no environment). */
    public static ObservationSpec observationSpec(String name) {
        return ObservationSpec.of(task(name, Models.builtin(entry(name).domain)).observationParts());
    }

    /** The action bounds of a task: {@code spec(name).actionSize()} dimensions in [-1, 1]. */
    public static ActionSpec actionSpec(String name) {
        return ActionSpec.unit(entry(name).spec.actionSize());
    }

    /** A new environment for the named task on the project's own model files; call {@code reset(seed)} first. */
    public static ControlSuiteEnv make(String name) {
        return make(name, Models.builtin(entry(name).domain));
    }

    /**
     * A new environment for the named task on a given compiled model (e.g. a dm_control original). The environment
     * takes the model over: the reacher writes its target into it, so do not share one model between two of them.
     */
    public static ControlSuiteEnv make(String name, Model model) {
        Task task = task(name, model);
        return new ControlSuiteEnv(task, SimulatorPhysics.create(model));
    }

    /**
     * The task logic alone (initial state, observation, reward) of the named task on a compiled model, without an
     * environment: what the tests feed with real MuJoCo's recorded arrays.
     */
    public static Task task(String name, Model model) {
        return entry(name).factory.apply(canonical(name), model);
    }

    /** "Walker-Run " -> "walker-run". */
    private static String canonical(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static Entry entry(String name) {
        Entry e = name == null ? null : TASKS.get(canonical(name));
        if (e == null) throw new IllegalArgumentException(unknownMessage(name));
        return e;
    }

    /** "unknown task 'walker-rn'; did you mean 'walker-run'? Valid tasks: ..." */
    static String unknownMessage(String name) {
        return "unknown task '" + name + "'" + DidYouMean.hint(name, TASKS.keySet())
                + " Valid tasks: " + String.join(", ", TASKS.keySet());
    }
}
