package ddpg.physics.tasks;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of every task fixture (tasks/TASK/episode_0.csv, real MuJoCo 2.2.2) replayed through our simulator on
 * the project's own model files: reward and observation within 1e-6, next state within 1e-9 on smooth rows and 1e-6
 * on rows where a joint limit or contact was active ({@link TaskValidator}'s tolerances, unchanged).
 */
class EpisodeReplayTest {
    static java.util.List<String> tasks() {
        return Tasks.names();
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void replayMatchesMuJoCo(String name) {
        EpisodeCsv episode = EpisodeCsv.resource("/tasks/" + name + "/episode_0.csv");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        TaskValidator.Result r = TaskValidator.validate(name, episode, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String table = buf.toString(StandardCharsets.UTF_8);
        System.out.print(table);
        assertEquals(episode.rows.size(), r.rows());
        assertTrue(r.pass(), table);
    }
}
