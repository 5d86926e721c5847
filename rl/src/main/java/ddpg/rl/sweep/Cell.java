package ddpg.rl.sweep;

import java.util.List;
import java.util.Map;

/**
 * One run of a sweep: a task, a seed and one value of every grid axis, with the exact train arguments that run it.
 * {@code name} is the run folder's name inside the sweep folder, readable as the cell (walker-run-preset-paper-s2).
 */
public record Cell(int index, String name, String task, long seed, Map<String, String> settings, List<String> args) {}
