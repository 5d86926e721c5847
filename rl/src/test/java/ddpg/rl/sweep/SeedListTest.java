package ddpg.rl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedListTest {
    @Test
    void rangesListsAndMixes() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), SeedList.parse("1-5"));
        assertEquals(List.of(1L, 2L, 7L), SeedList.parse("1,2,7"));
        assertEquals(List.of(1L, 2L, 3L, 10L), SeedList.parse("1-3, 10"));
        assertEquals(List.of(3L, 1L, 2L), SeedList.parse("3,1-2,2"), "order kept, duplicates dropped");
        assertEquals(List.of(-2L, -1L), SeedList.parse("-2--1"));
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("5-1")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1,,2")).getMessage().contains("empty item"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("a-b")).getMessage().contains("'a-b'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SeedList.parse("1-1000000")).getMessage().contains("more than"));
    }
}
