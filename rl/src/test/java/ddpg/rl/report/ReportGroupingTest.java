package ddpg.rl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.rl.ddpg.Presets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Which runs may be averaged: by task and by the settings that differ, or by --label. */
class ReportGroupingTest {
    @TempDir Path tmp;

    private List<RunGroup> groups(List<LabelRule> rules, String... inputs) {
        return RunGroups.of(RunLoader.load(List.of(inputs)), rules);
    }

    private static List<String> labels(List<RunGroup> gs) {
        return gs.stream().map(g -> g.task() + ": " + g.label() + " x" + g.runs().size()).toList();
    }

    @Test
    void seedsOfTheSameSettingsAreOneGroupWhateverTheirBudgetOrThreads() {
        Path sweep = tmp.resolve("sweep");
        FakeRuns.run(sweep, "walker-run-s3", s -> s.seed = 3);
        FakeRuns.run(sweep, "walker-run-s1", s -> { s.seed = 1; s.planned = 1_000_000; s.threads = 2; });
        FakeRuns.run(sweep, "walker-run-s2", s -> { s.seed = 2; s.planned = 500_000; });
        List<RunGroup> gs = groups(List.of(), sweep.toString());
        assertEquals(List.of("walker-run: default x3"), labels(gs));
        assertEquals(List.of(1L, 2L, 3L), gs.get(0).runs().stream().map(ReportRun::seed).toList(), "seeds sorted");
    }

    @Test
    void differentSettingsNeverShareAGroupAndTheLabelNamesWhatDiffers() {
        for (long seed = 1; seed <= 2; seed++) {
            long sd = seed;
            FakeRuns.run(tmp, "walker-run-bn-off-s" + seed, s -> s.seed = sd);
            FakeRuns.run(tmp, "walker-run-bn-on-s" + seed, s -> { s.seed = sd; s.agent.batchNorm = true; });
            FakeRuns.run(tmp, "cheetah-run-s" + seed, s -> { s.seed = sd; s.task = "cheetah-run"; });
        }
        assertEquals(List.of("cheetah-run: default x2", "walker-run: batch_norm=false x2", "walker-run: batch_norm=true x2"),
                labels(groups(List.of(), tmp.toString())));
    }

    @Test
    void whenPresetsDifferTheLabelIsThePresetPlusItsOwnDeviations() {
        FakeRuns.run(tmp, "d", s -> { });
        FakeRuns.run(tmp, "p", s -> { s.preset = "paper"; s.agent = Presets.paper(); });
        FakeRuns.run(tmp, "pbn", s -> { s.preset = "paper"; s.agent = Presets.paper(); s.agent.batchNorm = true; });
        FakeRuns.run(tmp, "p128", s -> { s.preset = "paper"; s.agent = Presets.paper(); s.agent.batch = 128; });
        assertEquals(List.of("walker-run: preset=default x1", "walker-run: preset=paper x1", "walker-run: preset=paper batch=128 x1",
                "walker-run: preset=paper batch_norm=true x1"), labels(groups(List.of(), tmp.toString())));
    }

    @Test
    void evaluationEpisodesDefineAGroupTooAndNumbersCompareByValue() {
        FakeRuns.run(tmp, "a", s -> s.evalEpisodes = 5);
        FakeRuns.run(tmp, "b", s -> { s.agent.actorLr = 1e-4; });
        FakeRuns.run(tmp, "c", s -> { });
        assertEquals(List.of("walker-run: actor_lr=0.0001 eval_episodes=10 x1", "walker-run: actor_lr=0.0003 eval_episodes=10 x1",
                "walker-run: actor_lr=0.0003 eval_episodes=5 x1"), labels(groups(List.of(), tmp.toString())));
        assertEquals("0.0003", GroupSettings.text(3.0E-4));
        assertEquals("1", GroupSettings.text(1.0));
        assertEquals("1", GroupSettings.text(1L));
        assertEquals("400-300", GroupSettings.text(List.of(400L, 300L)));
        assertEquals("400-300", GroupSettings.text(new int[] {400, 300}));
    }

    @Test
    void aRunWithoutSettingsIsItsOwnGroup() throws Exception {
        FakeRuns.run(tmp, "walker-run-s1", s -> { });
        Path old = FakeRuns.run(tmp, "walker-run-s2", s -> s.seed = 2);
        Files.delete(old.resolve("config.json")); // a run of an old build: task and seed from the folder name
        List<RunGroup> gs = groups(List.of(), tmp.toString());
        assertEquals(List.of("walker-run: preset=default eval_episodes=10 x1", "walker-run: settings unknown x1"), labels(gs));
        assertEquals(2L, gs.get(1).runs().get(0).seed());
    }

    @Test
    void labelsGroupRunsByFolderNameFirstMatchWinning() {
        Path sweep = tmp.resolve("sweep");
        FakeRuns.run(sweep, "walker-run-bn-on-s1", s -> s.agent.batchNorm = true);
        FakeRuns.run(sweep, "walker-run-bn-on-s2", s -> { s.seed = 2; s.agent.batchNorm = true; });
        FakeRuns.run(sweep, "walker-run-bn-off-s1", s -> { });
        List<LabelRule> rules = List.of(LabelRule.parse("with BN=*bn-on*"), LabelRule.parse("baseline=*"));
        assertEquals(List.of("walker-run: baseline x1", "walker-run: with BN x2"), labels(groups(rules, sweep.toString())));
        // A glob over the path as given: ** crosses folders, * does not.
        String given = sweep.toString();
        assertEquals(List.of("walker-run: all x3"), labels(groups(List.of(LabelRule.parse("all=**/sweep/*")), given)));
    }

    @Test
    void labelMistakesAreOneLineErrors() {
        FakeRuns.run(tmp, "walker-run-s1", s -> { });
        FakeRuns.run(tmp, "walker-run-s2", s -> s.seed = 2);
        assertError("--label x=*nothing* matches no run folder", () -> groups(List.of(LabelRule.parse("x=*nothing*")), tmp.toString()));
        assertError("1 run matches no --label: walker-run-s2", () -> groups(List.of(LabelRule.parse("one=*-s1")), tmp.toString()));
        assertError("--label expects NAME=GLOB", () -> LabelRule.parse("justaname"));
        assertError("--label expects NAME=GLOB", () -> LabelRule.parse("=*"));
        assertError("is not a valid glob", () -> LabelRule.parse("x=*[a"));
    }

    @Test
    void findingRunsRecursesTwoLevelsAndNamesThemWithoutAbsolutePaths() throws Exception {
        FakeRuns.run(tmp.resolve("a/sweep"), "walker-run-s1", s -> { });
        FakeRuns.run(tmp.resolve("b/sweep"), "walker-run-s1", s -> s.seed = 2);
        Files.createDirectories(tmp.resolve("a/sweep/logs"));
        Files.createDirectories(tmp.resolve("c/x/y")); // three levels down: not searched
        FakeRuns.run(tmp.resolve("c/x/y"), "deep", s -> { });
        List<ReportRun> runs = RunLoader.load(List.of(tmp.resolve("a").toString(), tmp.resolve("b").toString(), tmp.resolve("c").toString()));
        assertEquals(List.of("a/sweep/walker-run-s1", "b/sweep/walker-run-s1"), runs.stream().map(ReportRun::name).toList(),
                "the same folder name twice: parent folders until they differ");
        assertEquals(1, RunLoader.load(List.of(tmp.resolve("a/sweep/walker-run-s1/progress.csv").toString())).size(), "a run's file stands for the run");
        assertError("no run folders found in", () -> RunLoader.load(List.of(tmp.resolve("a/sweep/logs").toString())));
        assertError("does not exist", () -> RunLoader.load(List.of(tmp.resolve("nope").toString())));
        Files.writeString(tmp.resolve("b/sweep/walker-run-s1/config.json"), "{ broken");
        assertError("is not a valid config.json", () -> RunLoader.load(List.of(tmp.resolve("b").toString())));
    }

    static void assertError(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
