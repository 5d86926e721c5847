package ddpg.physics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    private static final List<String> COMMANDS = List.of("train", "eval", "render", "version");

    @Test
    void nearestNameByEditDistance() {
        assertEquals("version", DidYouMean.closest("versoin", COMMANDS));
        assertEquals("train", DidYouMean.closest(" TRAIM ", COMMANDS), "case and spaces are ignored");
        assertEquals("; did you mean 'eval'?", DidYouMean.hint("evl", COMMANDS));
    }

    @Test
    void aPrefixSuggestsTheFirstNameItStarts() {
        assertEquals("render", DidYouMean.closest("rend", COMMANDS));
    }

    @Test
    void nothingWhenNoNameIsClose() {
        assertNull(DidYouMean.closest("quaternion", COMMANDS));
        assertNull(DidYouMean.closest("  ", COMMANDS));
        assertNull(DidYouMean.closest(null, COMMANDS));
        assertEquals("", DidYouMean.hint("quaternion", COMMANDS));
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, DidYouMean.editDistance("walker", "walker"));
        assertEquals(1, DidYouMean.editDistance("walker-rn", "walker-run"));
        assertEquals(2, DidYouMean.editDistance("walker-rnu", "walker-run"));
        assertEquals(3, DidYouMean.editDistance("", "abc"));
    }
}
