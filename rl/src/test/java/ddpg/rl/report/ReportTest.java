package ddpg.rl.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.rl.train.RunLock;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Report.write} end to end on synthetic run folders. */
class ReportTest {
    static final long[] AT = {100_000, 500_000, 1_000_000};

    @TempDir Path tmp;

    /**
     * walker-run: seeds 1 and 2 finished 500k, seed 3 running at 430k of 500k. cheetah-run: seed 1 finished its 300k
     * budget, seed 2 finished 1M, seed 3 stopped at 200k; its seeds end near 0 and near 300 (a split).
     */
    private Path sweep() {
        Path sweep = tmp.resolve("runs/sweep");
        FakeRuns.run(sweep, "walker-run-s1", s -> { s.planned = s.done = 500_000; s.eval = v -> v == 100_000 ? 100 : v / 1000.0; });
        FakeRuns.run(sweep, "walker-run-s2", s -> { s.seed = 2; s.planned = s.done = 500_000; s.eval = v -> v == 100_000 ? 200 : v / 900.0; });
        FakeRuns.run(sweep, "walker-run-s3", s -> { s.seed = 3; s.planned = 500_000; s.done = 430_000; s.finished = false;
            s.eval = v -> v == 100_000 ? 600 : v / 800.0; });
        FakeRuns.run(sweep, "cheetah-run-s1", s -> { s.task = "cheetah-run"; s.planned = s.done = 300_000; s.eval = v -> 2; });
        FakeRuns.run(sweep, "cheetah-run-s2", s -> { s.task = "cheetah-run"; s.seed = 2; s.planned = s.done = 1_000_000;
            s.evalEvery = 50_000; s.eval = v -> v * 3e-4; });
        FakeRuns.run(sweep, "cheetah-run-s3", s -> { s.task = "cheetah-run"; s.seed = 3; s.planned = 1_000_000; s.done = 200_000;
            s.finished = false; s.eval = v -> 5; });
        return sweep;
    }

    private String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void reachedShortRunningAndStoppedSeedsAreReportedNeverMixedIn() throws Exception {
        Path sweep = sweep();
        Path out = tmp.resolve("docs/results");
        Report.Summary s;
        try (RunLock lock = RunLock.acquire(sweep.resolve("walker-run-s3"))) {
            s = Report.write(List.of(sweep.toString()), out, AT, List.of());
        }
        assertEquals(new Report.Summary(6, 2, 2, 2), s);
        String md = read(out.resolve(Report.MD));
        // walker-run at 100k: all three (values 100, 200, 600): mean 300, std sqrt(140000/3) = 216.0.
        assertTrue(md.contains("| default | 100k | 3 (note 1) | 300.0 \u00b1 216.0 | 300.0 | 100.0 | 600.0 |"), md);
        assertTrue(md.contains("counted although not finished (their evaluations passed 100k, so the value there is final): seed 3 (running)"), md);
        assertTrue(md.contains("| default | 500k | 2 of 3 (note 2) |"), md);
        assertTrue(md.contains("2 of 3 seeds reached 500k; seed 3 is at 430k (running)"), md);
        assertTrue(md.contains("2 of 3 seeds finished; seed 3 is at 430k (running)"), md);
        // cheetah-run: 500k row only for seed 2; seed 1's budget was 300k; seed 3 stopped.
        assertTrue(md.contains("1 of 3 seeds reached 500k; seed 1 finished at 300k (its budget); seed 3 stopped at 200k (unfinished; --resume continues it)"), md);
        assertTrue(md.contains("the finished runs end at different steps: 300k (seed 1), 1M (seed 2)"), md);
        assertTrue(md.contains("the seeds split apart.** The finished ones' last evaluations range from 2.0 to 300.0"), md);
        assertTrue(md.contains("| default | 3 | walker-run-s3 | running | 430k | 537.5 | 430k |"), md);
        assertTrue(md.contains("| default | 0.1.0 | `abc1234` | seed 1, seed 2, seed 3 |"), md);
        assertTrue(md.contains("population standard deviation") && md.contains("ddof = 0") && md.contains("trim_mean(x, 0.25)"), md);
        assertTrue(md.indexOf("## cheetah-run") < md.indexOf("## walker-run"), "tasks sorted");

        List<String> csv = read(out.resolve(Report.CSV)).lines().toList();
        assertEquals("task,group,seeds,step,mean,std,iqm,min,max", csv.get(0));
        assertEquals(List.of(
                "task,group,seeds,step,mean,std,iqm,min,max",
                "cheetah-run,default,3,100000,12.3333,12.5521,12.3333,2.0000,30.0000",
                "cheetah-run,default,1,500000,150.0000,0.0000,150.0000,150.0000,150.0000",
                "cheetah-run,default,1,1000000,300.0000,0.0000,300.0000,300.0000,300.0000",
                "cheetah-run,default,2,end,151.0000,149.0000,151.0000,2.0000,300.0000",
                "walker-run,default,3,100000,300.0000,216.0247,300.0000,100.0000,600.0000",
                "walker-run,default,2,500000,527.7778,27.7778,527.7778,500.0000,555.5556",
                "walker-run,default,2,end,527.7778,27.7778,527.7778,500.0000,555.5556"), csv);
    }

    @Test
    void publishedResultsGetOurRowBesideThemAndTheirStepsJoinTheTable() throws Exception {
        Path sweep = sweep(), out = tmp.resolve("a");
        Path file = Files.writeString(tmp.resolve("anchors.csv"), String.join("\n",
                "# task,group,step,source,mean,std,seeds,target",
                "walker-run,default,500k,published DDPG,564,38,10,500",
                "walker-run,default,1M,published DDPG,600,20,10,",
                "walker-run,default,200k,D4PG,250.5,1,5,300",
                "walker-run,batch_norm=true,500k,nobody,1,1,1,1",
                "humanoid-walk,default,1M,published DDPG,171,177,10,", ""));
        Report.write(List.of(sweep.toString()), out, AT, List.of(), Anchor.read(file));
        String md = read(out.resolve(Report.MD));
        String walker = md.substring(md.indexOf("## walker-run"));
        assertTrue(walker.contains("| group | step | ours | published | difference | target | vs target |"), walker);
        // 500k: seeds 1 and 2 (500 and 555.6): mean 527.8; 527.8 - 564 = -36.2; 527.8 - 500 = +27.8, met.
        assertTrue(walker.contains("| default | 500k | 527.8 \u00b1 27.8 (2 seeds) | published DDPG: 564.0 \u00b1 38.0 (10 seeds) | -36.2 | 500.0 | +27.8 (met) |"), walker);
        assertTrue(walker.contains("| default | 1M | no seed at 1M | published DDPG: 600.0 \u00b1 20.0 (10 seeds) | - | - | - |"), walker);
        // 200k is not in AT: it joins the table. The seeds give 200, 222.2 and 250 there: mean 224.1, below the target.
        assertTrue(walker.contains("| default | 200k | 3 (note 2) | 224.1 \u00b1 20.5 |"), walker);
        assertTrue(walker.contains("| default | 200k | 224.1 \u00b1 20.5 (3 seeds) | D4PG: 250.5 \u00b1 1.0 (5 seeds) | -26.4 | 300.0 | -75.9 |"), walker);
        assertFalse(md.contains("nobody") || md.contains("171.0"), "anchors of groups and tasks without runs are not shown");
        assertTrue(md.contains("**Published results** (`--anchors FILE`"), md);
        assertFalse(md.substring(0, md.indexOf("## walker-run")).contains("Against published results"), "cheetah-run has none");
    }

    @Test
    void theDefaultAnchorFindsTheDefaultPresetWhenGroupsAreNamedByWhatDiffers() throws Exception {
        Path sweep = tmp.resolve("runs/bn");
        FakeRuns.run(sweep, "cartpole-swingup-bn-off-s1", s -> { s.task = "cartpole-swingup"; s.planned = s.done = 500_000; s.eval = v -> 800; });
        FakeRuns.run(sweep, "cartpole-swingup-bn-on-s1", s -> { s.task = "cartpole-swingup"; s.planned = s.done = 500_000; s.agent.batchNorm = true;
            s.eval = v -> 700; });
        Path out = tmp.resolve("bn-out");
        Report.write(List.of(sweep.toString()), out, AT, List.of(),
                List.of(Anchor.parse("cartpole-swingup,default,500k,published DDPG,863,9,10,840", "test")));
        String md = read(out.resolve(Report.MD));
        assertTrue(md.contains("| batch_norm=false | 500k | 800.0 \u00b1 0.0 (1 seed) | published DDPG: 863.0 \u00b1 9.0 (10 seeds) | -63.0 | 840.0 | -40.0 |"), md);
        assertFalse(md.contains("| batch_norm=true | 500k | 700.0"), md);

        // A task whose only group ran another setting is labelled "default", but is not the default preset's.
        Path other = tmp.resolve("runs/bn-only");
        FakeRuns.run(other, "walker-run-bn-on-s1", s -> { s.planned = s.done = 500_000; s.agent.batchNorm = true; s.eval = v -> 700; });
        Report.write(List.of(other.toString()), tmp.resolve("bn-only-out"), AT, List.of(),
                List.of(Anchor.parse("walker-run,default,500k,published DDPG,564,38,10,564", "test")));
        String only = read(tmp.resolve("bn-only-out").resolve(Report.MD));
        assertTrue(only.contains("| default | 500k | 1 | 700.0"), only);
        assertFalse(only.contains("Against published results"), only);
    }

    @Test
    void aBadAnchorLineNamesTheFileAndTheLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("anchors.csv"), "# comment\nwalker-run,default,500k,DDPG, 2020,564,38,10,\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Anchor.read(file));
        assertEquals(file + " line 2: expected 8 comma-separated fields (task,group,step,source,mean,std,seeds,target), got 9; "
                + "a source may not contain commas", e.getMessage());
        for (String[] bad : new String[][] {
                {"walker-run,default,lots,DDPG,564,38,10,", "step 'lots' is not a number of env steps such as 500k or 1M"},
                {"walker-run,default,500k,DDPG,x,38,10,", "mean 'x' is not a number"},
                {"walker-run,default,500k,DDPG,564,38,0,", "seeds must be at least 1, got 0"},
                {",default,500k,DDPG,564,38,10,", "the task field is empty"},
                {"walker-run,default,500k,DDPG,564,38,10,NaN", "target 'NaN' is not a number"}}) {
            e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Anchor.parse(bad[0], "f line 1"));
            assertEquals("f line 1: " + bad[1], e.getMessage());
        }
    }

    @Test
    void aSeedStillAtItsStartDoesNotSplitTheFinishedOnes() throws Exception {
        Path sweep = tmp.resolve("runs/humanoid");
        FakeRuns.run(sweep, "humanoid-walk-s1", s -> { s.task = "humanoid-walk"; s.planned = s.done = 1_000_000; s.eval = v -> 380; });
        FakeRuns.run(sweep, "humanoid-walk-s2", s -> { s.task = "humanoid-walk"; s.seed = 2; s.planned = s.done = 1_000_000; s.eval = v -> 370; });
        FakeRuns.run(sweep, "humanoid-walk-s3", s -> { s.task = "humanoid-walk"; s.seed = 3; s.planned = 1_000_000; s.done = 20_000;
            s.finished = false; s.eval = v -> 1; });
        Path out = tmp.resolve("o");
        Report.write(List.of(sweep.toString()), out, AT, List.of());
        String md = read(out.resolve(Report.MD));
        assertTrue(md.contains("| default | 3 | humanoid-walk-s3 | stopped | 20k | 1.0 | 20k |"), md);
        assertFalse(md.contains("split apart.**"), "380 and 370 agree; seed 3 has no outcome yet: " + md);
    }

    @Test
    void theSameRunsGiveTheSameBytesWithoutPathsOrTimes() throws Exception {
        Path sweep = sweep();
        Path a = tmp.resolve("out-a"), b = tmp.resolve("elsewhere/out-b");
        Report.write(List.of(sweep.toString()), a, AT, List.of());
        Report.write(List.of(sweep.resolve("walker-run-s1").toString(), sweep.toString()), b, AT, List.of()); // same runs, other order
        for (String f : List.of(Report.MD, Report.CSV, Report.PNG)) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f + " differs");
        }
        byte[] before = Files.readAllBytes(a.resolve(Report.PNG));
        Report.write(List.of(sweep.toString()), a, AT, List.of());
        assertArrayEquals(before, Files.readAllBytes(a.resolve(Report.PNG)), "rewritten in place: same bytes");
        String md = read(a.resolve(Report.MD)) + read(a.resolve(Report.CSV));
        assertFalse(md.contains(tmp.toString()), "no absolute path");
        assertFalse(md.contains(tmp.getFileName().toString()), "no part of the temp path");
        assertEquals(List.of("IHDR", "IDAT", "IEND"), chunkTypes(before), "no tIME or text chunk");
        try (Stream<Path> files = Files.list(a)) {
            assertEquals(List.of(Report.PNG, Report.CSV, Report.MD), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the three files, no temp files left");
        }
    }

    @Test
    void curvesPngIsAPanelPerTaskWithTheLegendBelow() throws Exception {
        Path sweep = sweep();
        Report.write(List.of(sweep.toString()), tmp.resolve("o"), AT, List.of());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(tmp.resolve("o").resolve(Report.PNG))));
        // Two tasks side by side, 600 x 400 each, plus the legend strip: cheetah-run has the most rows (the band,
        // the drop-out tick, the rings of its split seeds): 6 + 3 x 18 + 6 = 66 pixels.
        assertEquals(1200, img.getWidth());
        assertEquals(466, img.getHeight());
    }

    @Test
    void labelsNameTheGroupsAndAreListedWithTheirGlobs() throws Exception {
        Path sweep = sweep();
        Path out = tmp.resolve("o");
        Report.write(List.of(sweep.toString()), out, new long[] {100_000}, List.of(LabelRule.parse("early=*-s1"), LabelRule.parse("rest=*")));
        String md = read(out.resolve(Report.MD));
        assertTrue(md.contains("`early` = `*-s1`; `rest` = `*`."), md);
        List<String> csv = read(out.resolve(Report.CSV)).lines().toList();
        assertEquals("walker-run,early,1,100000,100.0000,0.0000,100.0000,100.0000,100.0000", csv.get(5));
        assertEquals("walker-run,rest,2,100000,400.0000,200.0000,400.0000,200.0000,600.0000", csv.get(7));
    }

    @Test
    void aRunThatHasLoggedNothingIsListedNotAnError() throws Exception {
        Path sweep = tmp.resolve("s");
        FakeRuns.run(sweep, "walker-run-s1", s -> { });
        Path fresh = FakeRuns.run(sweep, "walker-run-s2", s -> { s.seed = 2; s.finished = false; });
        Files.writeString(fresh.resolve("progress.csv"), ddpg.rl.train.ProgressLog.HEADER + "\n");
        Report.write(List.of(sweep.toString()), tmp.resolve("o"), AT, List.of());
        String md = read(tmp.resolve("o").resolve(Report.MD));
        assertTrue(md.contains("seed 2 has logged nothing yet (stopped)"), md);
    }

    @Test
    void anUnwritableOutIsAOneLineErrorAndNothingIsWrittenOnMistakes() throws Exception {
        Path sweep = sweep();
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        ReportGroupingTest.assertError("is a file, not a folder", () -> Report.write(List.of(sweep.toString()), file, AT, List.of()));
        ReportGroupingTest.assertError("cannot create the report folder", () -> Report.write(List.of(sweep.toString()), file.resolve("sub"), AT, List.of()));
        Path never = tmp.resolve("never");
        ReportGroupingTest.assertError("matches no run folder",
                () -> Report.write(List.of(sweep.toString()), never, AT, List.of(LabelRule.parse("x=nothing"))));
        assertFalse(Files.exists(never), "a mistake creates nothing");
    }

    static List<String> chunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int i = 8;
        while (i + 8 <= png.length) {
            int len = ((png[i] & 255) << 24) | ((png[i + 1] & 255) << 16) | ((png[i + 2] & 255) << 8) | (png[i + 3] & 255);
            String t = new String(png, i + 4, 4, StandardCharsets.US_ASCII);
            if (types.isEmpty() || !types.get(types.size() - 1).equals(t)) types.add(t);
            i += 12 + len;
        }
        return types;
    }
}
