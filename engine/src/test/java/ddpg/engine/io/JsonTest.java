package ddpg.engine.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void roundTripsEveryKindOfValueExactly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", "walker-run");
        m.put("quote", "a \"b\"\n\\c\t");
        m.put("steps", 1_000_000L);
        m.put("tau", 0.005);
        m.put("third", 1.0 / 3);
        m.put("tiny", Double.MIN_VALUE);
        m.put("nan", Double.NaN);
        m.put("on", true);
        m.put("none", null);
        m.put("hidden", new int[] {400, 300});
        m.put("state", new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE});
        m.put("nested", Map.of("x", List.of(1L, 2.5, "s")));
        String text = Json.write(m);
        Map<String, Object> back = Json.parseObject(text);
        assertEquals("walker-run", back.get("task"));
        assertEquals("a \"b\"\n\\c\t", back.get("quote"));
        assertEquals(1_000_000L, back.get("steps"));
        assertEquals(0.005, back.get("tau"));
        assertEquals(1.0 / 3, back.get("third"));
        assertEquals(Double.MIN_VALUE, back.get("tiny"));
        assertTrue(Double.isNaN(Json.toDouble(back.get("nan"))));
        assertEquals(true, back.get("on"));
        assertTrue(back.containsKey("none"));
        assertNull(back.get("none"));
        assertArrayEquals(new int[] {400, 300}, Json.toIntArray(back.get("hidden")));
        assertArrayEquals(new long[] {Long.MIN_VALUE, -1, Long.MAX_VALUE}, Json.toLongArray(back.get("state")));
        assertEquals(List.of(1L, 2.5, "s"), ((Map<?, ?>) back.get("nested")).get("x"));
        assertEquals(text, Json.write(back), "writing what was read gives the same text");
    }

    @Test
    void malformedTextNamesLineAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\n  \"a\": tru }"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("\"abc"));
    }

    @Test
    void compactTextHasNoSpacesAndReadsBack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("w", Map.of("shape", new int[] {2, 3}));
        m.put("list", List.of(Map.of("x", 1L), "y"));
        m.put("empty", List.of());
        String text = Json.writeCompact(m);
        assertEquals("{\"w\":{\"shape\":[2,3]},\"list\":[{\"x\":1},\"y\"],\"empty\":[]}", text);
        assertEquals(List.of(2L, 3L), ((Map<?, ?>) Json.parseObject(text).get("w")).get("shape"));
    }

    @Test
    void aRepeatedKeyOrARawControlCharacterIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,\n \"a\": 2}"));
        assertTrue(e.getMessage().contains("duplicate key 'a'") && e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Json.parse("\"a\tb\""));
        assertTrue(e.getMessage().contains("control character"), e.getMessage());
        assertEquals("a\tb", Json.parse("\"a\\tb\""));
    }
}
