package ddpg.physics.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Bad episode files give one-line errors naming the file, the line and the column. */
class EpisodeCsvTest {
    private static final String HEADER = "t,qpos[0],qvel[0],action[0],reward,obs[0],next_qpos[0],next_qvel[0]\n";

    private static EpisodeCsv parse(String rows) throws Exception {
        return EpisodeCsv.parse(new BufferedReader(new StringReader(HEADER + rows)), "e.csv", Integer.MAX_VALUE);
    }

    @Test
    void readsRowsAndTheResetRow() throws Exception {
        EpisodeCsv e = parse("-1,0.5,0,,,1,0.5,0\n0,0.5,0,0.25,0.75,1,0.6,0.1\n");
        assertEquals(2, e.rows.size());
        assertEquals(0.25, e.rows.get(1).action()[0]);
        assertEquals(3, e.rows.get(1).line());
    }

    @Test
    void nonFiniteNumberNamesFileLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("-1,0.5,0,,,1,0.5,0\n0,0.5,1e999,0.25,0.75,1,0.6,0.1\n"));
        assertEquals("e.csv:3: column qvel[0]: '1e999' is not a finite number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("0,0.5,0,NaN,0.75,1,0.6,0.1\n"));
        assertEquals("e.csv:2: column action[0]: 'NaN' is not a finite number", e.getMessage());
    }

    @Test
    void malformedNumberNamesFileLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("0,0.5,0,0.25,x,1,0.6,0.1\n"));
        assertEquals("e.csv:2: column reward: 'x' is not a number", e.getMessage());
    }
}
