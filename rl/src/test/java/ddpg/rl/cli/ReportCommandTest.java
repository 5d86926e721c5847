package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.rl.report.FakeRuns;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ddpg.jar report} and {@code ddpg.jar plot} from the command line: help, output, one-line mistakes. */
class ReportCommandTest extends ConsoleTest {
    @TempDir Path tmp;

    private Path sweep() {
        Path sweep = tmp.resolve("sweep");
        FakeRuns.run(sweep, "walker-run-bn-off-s1", s -> { });
        FakeRuns.run(sweep, "walker-run-bn-off-s2", s -> s.seed = 2);
        FakeRuns.run(sweep, "walker-run-bn-on-s1", s -> s.agent.batchNorm = true);
        return sweep;
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        assertEquals(0, run("report", "--help"));
        String help = outText();
        assertTrue(help.contains("--out <dir>") && help.contains("(default results)"), help);
        assertTrue(help.contains("--at <steps>") && help.contains("(default 100k,500k,1M)"), help);
        assertTrue(help.contains("--label <NAME=GLOB>") && help.contains("(default: none;"), help);
        assertEquals(0, run("--help"));
        assertTrue(outText().contains("report"), "listed among the commands");
        assertEquals(0, run("plot", "--help"));
        assertTrue(outText().contains("--smooth <K>") && outText().contains("(default 1:"), outText());
    }

    @Test
    void writesTheThreeFilesAndSaysSo() {
        Path out = tmp.resolve("docs/results");
        assertEquals(0, run("report", sweep().toString(), "--out", out.toString(), "--at", "50k,100k"), errText());
        assertTrue(outText().startsWith("wrote " + out + "/results.md, results.csv, curves.png (3 runs of 1 task in 2 groups)"), outText());
        assertTrue(Files.isRegularFile(out.resolve("results.md")) && Files.isRegularFile(out.resolve("results.csv"))
                && Files.isRegularFile(out.resolve("curves.png")));
    }

    @Test
    void mistakesAreOneLineAndWriteNothing() throws Exception {
        Path sweep = sweep(), out = tmp.resolve("out");
        assertOneLineError(run("report"), "no run folders given");
        Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
        assertOneLineError(run("report", empty.getParent().toString(), "--out", out.toString()), "no run folders found in");
        assertOneLineError(run("report", tmp.resolve("nope").toString(), "--out", out.toString()), "does not exist");
        assertOneLineError(run("report", sweep.toString(), "--at", "100k,lots", "--out", out.toString()), "--at expects env steps separated by commas");
        assertOneLineError(run("report", sweep.toString(), "--at", "-5", "--out", out.toString()), "--at steps must be >= 0");
        assertOneLineError(run("report", sweep.toString(), "--label", "bn=*bn-on*", "--out", out.toString()),
                "2 runs match no --label: walker-run-bn-off-s1, walker-run-bn-off-s2");
        assertOneLineError(run("report", sweep.toString(), "--label", "bn=*batchnorm*", "--label", "rest=*", "--out", out.toString()),
                "--label bn=*batchnorm* matches no run folder");
        assertOneLineError(run("report", sweep.toString(), "--label", "oops", "--out", out.toString()), "--label expects NAME=GLOB");
        assertOneLineError(run("report", sweep.toString(), "--anchors", tmp.resolve("none.csv").toString(), "--out", out.toString()),
                "cannot read the anchors file " + tmp.resolve("none.csv") + " (no such file)");
        Path anchors = Files.writeString(tmp.resolve("anchors.csv"), "walker-run,default,500k\n");
        assertOneLineError(run("report", sweep.toString(), "--anchors", anchors.toString(), "--out", out.toString()),
                anchors + " line 1: expected 8 comma-separated fields");
        assertFalse(Files.exists(out), "nothing written");
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertOneLineError(run("report", sweep.toString(), "--out", file.toString()), "is a file, not a folder");
        assertOneLineError(run("report", sweep.toString(), "--out", file.resolve("x").toString()), "cannot create the report folder");
    }

    @Test
    void plotGroupsBySettingsSmoothsAndTakesSweepFolders() throws Exception {
        Path png = tmp.resolve("curve.png");
        assertEquals(0, run("plot", sweep().toString(), "--out", png.toString(), "--smooth", "5"), errText());
        assertEquals("wrote " + png + " (3 runs in 2 groups)", outText().strip());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(600, img.getWidth());
        assertEquals(0, run("plot", tmp.resolve("sweep").toString(), "--out", png.toString(), "--label", "all=*"));
        assertEquals("wrote " + png + " (3 runs in 1 group)", outText().strip());
        assertOneLineError(run("plot", tmp.resolve("sweep").toString(), "--out", png.toString(), "--smooth", "0"), "--smooth must be at least 1");
        assertOneLineError(run("plot", tmp.resolve("sweep").toString(), "--out", png.toString(), "--smooth", "x"), "--smooth expects a whole number");
        assertOneLineError(run("plot", tmp.resolve("sweep").toString(), "--out", tmp.resolve("no/dir/c.png").toString()), "does not exist (create it first)");
        assertOneLineError(run("plot"), "no run folders given");
    }
}
