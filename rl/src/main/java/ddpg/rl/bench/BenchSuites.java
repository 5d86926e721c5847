package ddpg.rl.bench;

import java.util.ArrayList;
import java.util.List;

/** The registry of benchmark suites, in the order {@code bench all} runs them. Add yours with one line. */
public final class BenchSuites {
    private BenchSuites() {}

    public static List<BenchSuite> all() {
        return List.of(
                new GemmSuite(),
                new ElementwiseSuite(),
                new MlpSuite(),
                new DdpgSuite(),
                new PhysicsSuite()
        );
    }

    /** The suite with this name, or null. */
    public static BenchSuite byName(String name) {
        for (BenchSuite s : all()) if (s.name().equals(name)) return s;
        return null;
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (BenchSuite s : all()) names.add(s.name());
        return names;
    }
}
