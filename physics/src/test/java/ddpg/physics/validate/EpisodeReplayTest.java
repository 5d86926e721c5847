package ddpg.physics.validate;

import static org.junit.jupiter.api.Assertions.*;

import ddpg.physics.Accuracy;
import ddpg.physics.env.Tasks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of every task episode shipped as a fixture ({@code tasks/TASK/*episode_N.csv}, real MuJoCo 2.2.2)
 * replayed through our simulator on the project's own model files, each row from its recorded pre-state, exactly as
 * {@code ddpg.jar validate --task} does: {@link TaskValidator}'s own verdict must be PASS, and each field's worst
 * error ({@code |ours - MuJoCo| / max(1, |MuJoCo|)}) within about 100x the worst measured.
 */
class EpisodeReplayTest {
    static final Accuracy.Table BOUNDS = Accuracy.Table.of("""
                                                reward  obs    qpos_smooth  qvel_smooth  qpos_constrained  qvel_constrained
            cartpole-swingup/episode_0.csv      5e-14   5e-14  1e-14        2e-14        1e-14             2e-14
            cartpole-balance/episode_0.csv      5e-14   1e-13  1e-14        2e-14        1e-14             5e-14
            reacher-easy/episode_0.csv          1e-14   2e-13  2e-14        2e-13        -                 -
            reacher-hard/episode_0.csv          1e-14   2e-13  2e-14        2e-13        -                 -
            cheetah-run/episode_0.csv           1e-13   1e-11  1e-14        5e-13        1e-13             1e-11
            walker-stand/episode_0.csv          1e-13   5e-11  1e-13        5e-13        2e-12             5e-11
            walker-walk/episode_0.csv           2e-13   5e-11  1e-13        5e-13        2e-12             5e-11
            walker-run/episode_0.csv            1e-13   5e-11  1e-13        5e-13        2e-12             5e-11
            humanoid-stand/episode_0.csv        1e-14   5e-11  -            -            1e-12             5e-11
            humanoid-stand/seed2_episode_0.csv  1e-14   2e-12  -            -            2e-13             2e-12
            humanoid-walk/episode_0.csv         1e-14   5e-11  -            -            1e-12             5e-11
            humanoid-run/episode_0.csv          1e-14   5e-11  -            -            1e-12             5e-11
            """);

    /** TaskValidator's field names -> the columns above. */
    static final Map<String, String> COLUMN = Map.of("reward", "reward", "obs", "obs",
            "next_qpos (smooth rows)", "qpos_smooth", "next_qvel (smooth rows)", "qvel_smooth",
            "next_qpos (constrained)", "qpos_constrained", "next_qvel (constrained)", "qvel_constrained");

    /** Every episode file under the fixtures' tasks folder, as "task/file". */
    static List<String> episodes() throws IOException, URISyntaxException {
        Path root = Path.of(EpisodeReplayTest.class.getResource("/tasks").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().matches(".*episode_\\d+\\.csv"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("episodes")
    void replayMatchesMuJoCo(String file) {
        String task = file.substring(0, file.indexOf('/'));
        EpisodeCsv episode = EpisodeCsv.resource("/tasks/" + file);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TaskValidator.Result r = TaskValidator.validate(task, episode, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String table = buf.toString(StandardCharsets.UTF_8);
        assertEquals(episode.rows.size(), r.rows());
        assertTrue(r.pass(), table);
        int compared = 0;
        for (FieldStats f : r.fields()) {
            if (f.records == 0) continue;
            Accuracy.check("task replay " + file + " " + f.name, f.worstScore, BOUNDS.get(file, COLUMN.get(f.name)));
            compared++;
        }
        assertTrue(compared >= 4, file + ": only " + compared + " fields had rows");
    }

    @Test
    void everyTaskHasAShippedEpisodeAndEveryEpisodeABound() throws Exception {
        List<String> episodes = episodes();
        for (String task : Tasks.names()) {
            assertTrue(episodes.contains(task + "/episode_0.csv"), task + " has no fixture episode");
        }
        for (String file : episodes) assertDoesNotThrow(() -> BOUNDS.get(file, "obs"), file + " has no bounds row");
    }
}
