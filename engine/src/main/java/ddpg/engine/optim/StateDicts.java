package ddpg.engine.optim;

import ddpg.engine.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for maps of named tensors: prefixing names, and checked copying with one clear message for all problems. */
public final class StateDicts {
    private StateDicts() {}

    /** The same tensors under "prefix.name" (e.g. "actor.0.weight"), for combining several modules in one file. */
    public static Map<String, Tensor> prefixed(String prefix, Map<String, Tensor> m) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(prefix + "." + k, v));
        return out;
    }

    /** The entries whose names start with "prefix.", with the prefix removed. */
    public static Map<String, Tensor> unprefixed(String prefix, Map<String, Tensor> m) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        String p = prefix + ".";
        m.forEach((k, v) -> {
            if (k.startsWith(p)) out.put(k.substring(p.length()), v);
        });
        return out;
    }

    /**
     * Lists every difference between what is expected and what is present: missing names, unexpected names,
     * shape mismatches. Empty when they match.
     */
    public static List<String> differences(Map<String, Tensor> expected, Map<String, int[]> actualShapes) {
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            int[] shape = actualShapes.get(e.getKey());
            if (shape == null) missing.add(e.getKey());
            else if (!Arrays.equals(shape, e.getValue().shape())) {
                problems.add("'" + e.getKey() + "' has shape " + Arrays.toString(shape) + ", expected "
                        + Arrays.toString(e.getValue().shape()));
            }
        }
        for (String k : actualShapes.keySet()) if (!expected.containsKey(k)) unexpected.add(k);
        if (!missing.isEmpty()) problems.add(0, "missing " + missing);
        if (!unexpected.isEmpty()) problems.add("unexpected " + unexpected);
        return problems;
    }

    /** Copies every saved tensor into the matching target tensor after checking names and shapes. */
    public static void copyInto(Map<String, Tensor> targets, Map<String, Tensor> saved, String what) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        saved.forEach((k, v) -> shapes.put(k, v.shape()));
        List<String> problems = differences(targets, shapes);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + " does not match: " + String.join("; ", problems));
        }
        targets.forEach((k, t) -> t.copyFrom(saved.get(k)));
    }
}
