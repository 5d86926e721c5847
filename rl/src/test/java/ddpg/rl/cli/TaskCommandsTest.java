package ddpg.rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ddpg.jar tasks} and {@code ddpg.jar validate --task ... --episode ...}. */
class TaskCommandsTest extends ConsoleTest {
    /**
     * The first rows of a real MuJoCo 2.2.2 episode (physics/src/test/resources/tasks/cartpole-swingup/episode_0.csv,
     * made by {@code mjref task cartpole-swingup DIR --seed 7}; see the README there).
     */
    private static final String[] EPISODE = {
            "t,qpos[0],qpos[1],qvel[0],qvel[1],action[0],reward,obs[0],obs[1],obs[2],obs[3],obs[4],next_qpos[0],next_qpos[1],next_qvel[0],next_qvel[1]",
            "-1,-0.0012768176140420808,3.1583663996617029,-0.0080958761217993346,0.0042579896379425844,,,-0.0012768176140420808,-0.99985932401976996,-0.016772959510142481,-0.0080958761217993346,0.0042579896379425844,-0.0012768176140420808,3.1583663996617029,-0.0080958761217993346,0.0042579896379425844",
            "0,-0.0012768176140420808,3.1583663996617029,-0.0080958761217993346,0.0042579896379425844,-0.92403544289423922,5.4031598129625342e-05,-0.0018080507114679807,-0.99986958293622508,-0.016149833402837016,-0.098149993224894677,-0.12888442344666909,-0.0018080507114679807,3.1577431891005414,-0.098149993224894677,-0.12888442344666909",
            "1,-0.0018080507114679807,3.1577431891005414,-0.098149993224894677,-0.12888442344666909,-0.92403544289423922,4.1649843561106879e-05,-0.0032397879509218587,-0.99989922849338808,-0.014196226904618124,-0.18819524411576805,-0.26183295369160869,-0.0032397879509218587,3.1557893573720248,-0.18819524411576805,-0.26183295369160869",
            "2,-0.0032397879509218587,3.1557893573720248,-0.18819524411576805,-0.26183295369160869,-0.92403544289423922,2.4522832042983906e-05,-0.0055718964563784531,-0.99994042990526122,-0.010914973242361672,-0.27822273843211454,-0.39438737469828078,-0.0055718964563784531,3.1525078435726495,-0.27822273843211454,-0.39438737469828078",
    };

    @TempDir
    Path dir;

    private Path episode(String... lines) throws Exception {
        Path p = dir.resolve("episode.csv");
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void tasksListsAllElevenWithSizesAndTimestep() {
        assertEquals(0, run("tasks"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("walker-run") && text.contains("humanoid-stand"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("humanoid-run\\s+67\\s+21\\s+0\\.025 s\\s+5\\s+1000")), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("cartpole-swingup\\s+5\\s+1\\s+0\\.010 s\\s+1\\s+1000")), text);
    }

    @Test
    void validateTaskPassesOnRealMuJoCoRows() throws Exception {
        Path p = episode(EPISODE);
        assertEquals(0, run("validate", "--task", "cartpole-swingup", "--episode", p.toString()));
        assertTrue(lastOutLine().matches("validate cartpole-swingup: 4 rows, worst .*, PASS"), lastOutLine());
    }

    @Test
    void validateTaskFailsWithExitOneWhenARewardIsWrong() throws Exception {
        String[] rows = EPISODE.clone();
        String[] f = rows[3].split(",", -1);
        f[6] = Double.toString(Double.parseDouble(f[6]) + 1e-3); // reward column
        rows[3] = String.join(",", f);
        assertEquals(1, run("validate", "--task", "cartpole-swingup", "--episode", episode(rows).toString()));
        assertTrue(lastOutLine().matches("validate cartpole-swingup: 4 rows, worst reward 1\\.000e-03, FAIL"), lastOutLine());
    }

    @Test
    void validateTaskUserMistakesAreOneLine() throws Exception {
        Path p = episode(EPISODE);
        assertOneLineError(run("validate", "--task", "cartpole-swingp", "--episode", p.toString()),
                "did you mean 'cartpole-swingup'?");
        assertOneLineError(run("validate", "--task", "cheetah-run", "--episode", p.toString()),
                "is the episode from another task?");
        assertOneLineError(run("validate", "--task", "cheetah-run", "--episode", dir.resolve("none.csv").toString()),
                "no such file");
    }
}
