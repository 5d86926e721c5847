package ddpg.rl.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Names runs in the outputs without absolute paths: each run's folder name, or, when two runs share it (cells of
 * two sweeps), as many of its trailing folders as tell it apart (sweep-a/walker-run-s1).
 */
final class RunNames {
    private RunNames() {}

    static List<ReportRun> assign(List<ReportRun> runs) {
        List<Path> abs = runs.stream().map(r -> r.dir().toAbsolutePath().normalize()).toList();
        List<ReportRun> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Path p = abs.get(i);
            int k = 1;
            while (k < p.getNameCount() && clashes(abs, i, k)) k++;
            out.add(runs.get(i).withName(suffix(p, k)));
        }
        return out;
    }

    private static boolean clashes(List<Path> abs, int i, int k) {
        String mine = suffix(abs.get(i), k);
        for (int j = 0; j < abs.size(); j++) if (j != i && suffix(abs.get(j), k).equals(mine)) return true;
        return false;
    }

    private static String suffix(Path p, int k) {
        int n = p.getNameCount();
        if (n == 0) return p.toString();
        return p.subpath(Math.max(0, n - k), n).toString().replace('\\', '/');
    }
}
