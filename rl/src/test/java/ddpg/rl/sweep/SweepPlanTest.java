package ddpg.rl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.engine.io.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SweepPlanTest {
    private static final Predicate<String> FLAGS = n -> n.equals("batch-norm");

    private static SweepPlan plan(Map<String, List<String>> grid, List<String> common) {
        return new SweepPlan(List.of("walker-run", "cartpole-swingup"), List.of(1L, 2L), grid, common, FLAGS);
    }

    @Test
    void cellsAreTheProductInTaskGridSeedOrderWithReadableNames() {
        Map<String, List<String>> grid = new LinkedHashMap<>();
        grid.put("batch-norm", List.of("on", "off"));
        grid.put("preset", List.of("default", "paper"));
        SweepPlan p = plan(grid, List.of("--steps", "500k", "--threads", "1"));
        assertEquals(2 * 2 * 2 * 2, p.cells.size());
        Cell first = p.cells.get(0), last = p.cells.get(15);
        assertEquals("walker-run-batch-norm-on-preset-default-s1", first.name());
        assertEquals(List.of("--task", "walker-run", "--seed", "1", "--steps", "500k", "--threads", "1", "--batch-norm", "--preset", "default"), first.args());
        assertEquals("cartpole-swingup-batch-norm-off-preset-paper-s2", last.name());
        assertEquals(List.of("--task", "cartpole-swingup", "--seed", "2", "--steps", "500k", "--threads", "1", "--preset", "paper"), last.args());
        for (int i = 0; i < p.cells.size(); i++) assertEquals(i, p.cells.get(i).index());
        assertEquals(16, p.cells.stream().map(Cell::name).distinct().count());
    }

    @Test
    void aFlagAxisTakesOnOffValuesOnly() {
        Map<String, List<String>> grid = Map.of("batch-norm", List.of("maybe"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plan(grid, List.of())).getMessage().contains("on,off"));
    }

    @Test
    void sweepJsonRoundTripsAndAHandEditedCellIsCaught() {
        SweepPlan p = plan(Map.of("batch", List.of("64", "256")), List.of("--steps", "1000"));
        Map<String, Object> m = Json.parseObject(Json.write(p.toMap()));
        SweepPlan back = SweepPlan.fromMap(m, FLAGS);
        assertNull(p.difference(back));
        assertEquals(p.cells, back.cells);
        @SuppressWarnings("unchecked") Map<String, Object> cell = (Map<String, Object>) ((List<Object>) m.get("cells")).get(3);
        cell.put("name", "renamed");
        assertThrows(IllegalArgumentException.class, () -> SweepPlan.fromMap(m, FLAGS));
    }

    @Test
    void theDifferenceNamesWhatChanged() {
        SweepPlan a = plan(Map.of(), List.of("--steps", "1000"));
        assertTrue(a.difference(new SweepPlan(List.of("walker-run"), List.of(1L, 2L), Map.of(), List.of("--steps", "1000"), FLAGS)).contains("tasks"));
        assertTrue(a.difference(new SweepPlan(a.tasks, List.of(1L, 2L, 3L), Map.of(), List.of("--steps", "1000"), FLAGS)).contains("seeds"));
        assertTrue(a.difference(plan(Map.of("batch", List.of("64")), List.of("--steps", "1000"))).contains("grid"));
        assertTrue(a.difference(plan(Map.of(), List.of("--steps", "2000"))).contains("--steps 1000"));
    }
}
