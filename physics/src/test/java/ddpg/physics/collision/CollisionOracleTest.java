package ddpg.physics.collision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Contacts against MuJoCo 2.2.2: from each record's body poses, the same contacts in the same order (geom pair,
 * dim), with distance, position and frame within about 100x the worst difference measured on the fixtures.
 */
class CollisionOracleTest {
    static final java.util.Map<String, Double> BOUND = java.util.Map.of("cartpole", 1e-14, "reacher", 1e-14,
            "cheetah", 5e-14, "walker", 2e-14, "humanoid", 2e-13);

    @ParameterizedTest
    @ValueSource(strings = {"cheetah", "walker", "humanoid", "cartpole", "reacher"})
    void contactsMatchMuJoCo(String model) {
        OracleRecords o = OracleRecords.load(model);
        Collision col = new Collision(o.m);
        Contacts con = new Contacts(8);
        double[] gx = new double[3 * o.m.ngeom], gm = new double[9 * o.m.ngeom];
        int checked = 0;
        double worst = 0;
        for (double[] r : o.rows) {
            o.geomPoses(r, gx, gm);
            col.detect(gx, gm, con);
            String where = model + " episode " + (int) r[0] + " step " + (int) r[1];
            assertEquals(o.ncon(r), con.count, where + ": ncon");
            for (int c = 0; c < Math.min(con.count, 16); c++) {
                String p = "contact[" + c + "].";
                String w = where + " contact " + c;
                assertEquals((int) o.get(r, p + "geom1"), con.geom1[c], w + " geom1");
                assertEquals((int) o.get(r, p + "geom2"), con.geom2[c], w + " geom2");
                assertEquals((int) o.get(r, p + "dim"), con.dim[c], w + " dim");
                worst = Math.max(worst, Math.abs(o.get(r, p + "dist") - con.dist[c]));
                for (int k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(o.get(r, p + "pos[" + k + "]") - con.pos[3 * c + k]));
                for (int k = 0; k < 9; k++) worst = Math.max(worst, Math.abs(o.get(r, p + "frame[" + k + "]") - con.frame[9 * c + k]));
                checked++;
            }
        }
        ddpg.physics.Accuracy.check("collision " + model + " dist/pos/frame (" + checked + " contacts)", worst,
                BOUND.get(model));
        if (!model.equals("cartpole") && !model.equals("reacher")) org.junit.jupiter.api.Assertions.assertTrue(checked > 20);
    }
}
