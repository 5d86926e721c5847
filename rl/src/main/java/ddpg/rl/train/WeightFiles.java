package ddpg.rl.train;

import ddpg.engine.Tensor;
import ddpg.engine.io.SafeTensors;
import ddpg.engine.io.SafeTensorsException;
import ddpg.engine.optim.StateDicts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way weights come back from disk, for {@code eval}, {@code render} and {@code --resume}: the file must be
 * intact safetensors that holds exactly the expected tensors, with their shapes and only finite values. Anything else
 * is a one-line {@link BadFile} naming the file (and the tensor) and what to do, and the targets are left untouched.
 */
public final class WeightFiles {
    private WeightFiles() {}

    /** Fills {@code targets} from {@code file}, which must hold exactly these tensors. */
    public static void load(Path file, Map<String, Tensor> targets, String fix) {
        copy(file, read(file, fix), "", targets, fix);
    }

    /** Fills {@code targets} from the tensors named {@code prefix.*} of a file that holds more (a checkpoint's actor). */
    public static void loadPart(Path file, String prefix, Map<String, Tensor> targets, String fix) {
        copy(file, StateDicts.unprefixed(prefix, read(file, fix)), prefix + ".", targets, fix);
    }

    private static Map<String, Tensor> read(Path file, String fix) {
        try {
            return SafeTensors.read(file).tensors();   // checks the layout: header, dtypes, offsets, length
        } catch (SafeTensorsException e) {
            throw new BadFile(e.getMessage() + "; " + fix, e);
        } catch (IOException e) {
            throw new BadFile("cannot read " + file + " (" + WriteFailed.reason(e) + "); " + fix, e);
        }
    }

    private static void copy(Path file, Map<String, Tensor> saved, String prefix, Map<String, Tensor> targets, String fix) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        saved.forEach((k, v) -> shapes.put(k, v.shape()));
        List<String> problems = StateDicts.differences(targets, shapes);
        if (!problems.isEmpty()) {
            throw new BadFile(file + " does not match the run's networks" + (prefix.isEmpty() ? "" : " (" + prefix + "*)") + ": "
                    + String.join("; ", problems) + "; " + fix);
        }
        Map<String, Tensor> named = new LinkedHashMap<>();
        targets.keySet().forEach(k -> named.put(prefix + k, saved.get(k)));
        String nonFinite = Finite.firstProblem(named);
        if (nonFinite != null) throw new BadFile(file + ": tensor " + nonFinite + " (diverged or damaged weights); " + fix);
        targets.forEach((k, t) -> t.copyFrom(saved.get(k)));
    }
}
