package ddpg.physics.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The named parts of an observation, dm_env style: dm_control's observation is an ordered dict of arrays
 * ({@code orientations}, {@code height}, {@code velocity} for the walker); ours is that dict flattened in key order
 * into one {@code double[]}, and this says which entries are which.
 *
 * <pre>{@code
 * ObservationSpec s = Tasks.make("walker-run").observationSpec();
 * s.size();                        // 24
 * s.toString();                    // "orientations 14, height 1, velocity 9"
 * s.part("height").offset();       // 14: obs[14] is the torso height
 * double[] v = s.slice(obs, "velocity");   // the 9 joint velocities
 * }</pre>
 *
 * @param parts the parts in order; each starts where the previous one ends, the first at 0
 */
public record ObservationSpec(List<Part> parts) {
    /**
     * One key of the observation dict.
     *
     * @param name   dm_control's key, e.g. "orientations"
     * @param offset index of its first entry in the flat observation
     * @param size   number of entries (the product of dm_control's array shape)
     */
    public record Part(String name, int offset, int size) {
        public Part {
            if (name == null || name.isEmpty()) throw new IllegalArgumentException("observation part needs a name");
            if (offset < 0 || size < 0) {
                throw new IllegalArgumentException("observation part '" + name + "': offset " + offset + ", size "
                        + size);
            }
        }
    }

    public ObservationSpec {
        parts = List.copyOf(parts);
        int at = 0;
        for (Part p : parts) {
            if (p.offset() != at) {
                throw new IllegalArgumentException("observation part '" + p.name() + "' starts at " + p.offset()
                        + ", expected " + at + " (parts are contiguous and in order)");
            }
            at += p.size();
        }
    }

    /** Parts with the given names and sizes, in map order (use a LinkedHashMap or Map.of of one entry). */
    public static ObservationSpec of(Map<String, Integer> sizes) {
        List<Part> list = new ArrayList<>();
        int at = 0;
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            list.add(new Part(e.getKey(), at, e.getValue()));
            at += e.getValue();
        }
        return new ObservationSpec(list);
    }

    /** One unnamed part, "observations", of {@code size} entries: for environments that do not name theirs. */
    public static ObservationSpec flat(int size) {
        return new ObservationSpec(List.of(new Part("observations", 0, size)));
    }

    /** Total length of the flat observation: the sum of the part sizes. */
    public int size() {
        return parts.isEmpty() ? 0 : parts.get(parts.size() - 1).offset() + parts.get(parts.size() - 1).size();
    }

    /** The keys, in order. */
    public List<String> names() {
        List<String> n = new ArrayList<>(parts.size());
        for (Part p : parts) n.add(p.name());
        return Collections.unmodifiableList(n);
    }

    /** The part with this key; an unknown key is an {@link IllegalArgumentException} listing the valid ones. */
    public Part part(String name) {
        for (Part p : parts) if (p.name().equals(name)) return p;
        throw new IllegalArgumentException("no observation part '" + name + "'; parts are " + names());
    }

    /** A copy of one part's entries of a flat observation. */
    public double[] slice(double[] observation, String name) {
        if (observation.length != size()) {
            throw new IllegalArgumentException("observation has " + observation.length + " entries, the spec "
                    + size());
        }
        Part p = part(name);
        double[] out = new double[p.size()];
        System.arraycopy(observation, p.offset(), out, 0, p.size());
        return out;
    }

    /** "orientations 14, height 1, velocity 9". */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ");
        for (Part p : parts) j.add(p.name() + " " + p.size());
        return j.toString();
    }
}
