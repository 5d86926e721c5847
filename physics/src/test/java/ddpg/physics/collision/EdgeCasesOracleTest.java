package ddpg.physics.collision;

import ddpg.physics.mjcf.MjcfLoader;
import ddpg.physics.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Degenerate configurations (see {@code collision_edge/README.md}) against what real MuJoCo 2.2.2 reported for them:
 * same contacts, same order, dist/pos/frame within 1e-14 (the random box and cylinder poses: 5e-13), about 100x the
 * worst difference measured.
 */
class EdgeCasesOracleTest {
    @ParameterizedTest
    @ValueSource(strings = {"plane_box_level", "plane_box_tilted", "plane_box_sunk_flipped", "plane_box_sunk_edge",
            "plane_capsule_upright", "coincident_centres", "crossing_capsules_flipped", "parallel_capsules",
            "plane_cylinder", "plane_cylinder_upright_and_tilted", "random_boxes_cylinders_0", "random_boxes_cylinders_1",
            "random_boxes_cylinders_2", "random_boxes_cylinders_3"})
    void contactsMatchMuJoCo(String name) throws IOException {
        Model m = MjcfLoader.loadResource("/collision_edge/" + name + ".xml");
        List<String> h;
        String[] r;
        try (InputStream in = getClass().getResourceAsStream("/collision_edge/" + name + ".csv")) {
            BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            h = List.of(br.readLine().split(","));
            r = br.readLine().split(",");
        }
        double[] xpos = new double[3 * m.nbody], xquat = new double[4 * m.nbody];
        for (int i = 0; i < xpos.length; i++) xpos[i] = Double.parseDouble(r[h.indexOf("xpos[0][0]") + i]);
        for (int i = 0; i < xquat.length; i++) xquat[i] = Double.parseDouble(r[h.indexOf("xquat[0][0]") + i]);
        double[] gx = new double[3 * m.ngeom], gm = new double[9 * m.ngeom];
        GeomPoses.fromBodyQuat(m, xpos, xquat, gx, gm);
        Contacts con = new Contacts(4);
        new Collision(m).detect(gx, gm, con);
        assertEquals(Integer.parseInt(r[h.indexOf("ncon")]), con.count, name + ": ncon");
        double worst = 0;
        for (int c = 0; c < con.count; c++) {
            int o = h.indexOf("contact[" + c + "].dist");
            String w = name + " contact " + c;
            assertEquals(Integer.parseInt(r[o + 1]), con.geom1[c], w + " geom1");
            assertEquals(Integer.parseInt(r[o + 2]), con.geom2[c], w + " geom2");
            worst = Math.max(worst, Math.abs(Double.parseDouble(r[o]) - con.dist[c]));
            for (int k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(Double.parseDouble(r[o + 4 + k]) - con.pos[3 * c + k]));
            for (int k = 0; k < 9; k++) worst = Math.max(worst, Math.abs(Double.parseDouble(r[o + 7 + k]) - con.frame[9 * c + k]));
        }
        ddpg.physics.Accuracy.check("collision edge case " + name + " dist/pos/frame", worst,
                name.startsWith("random") ? 5e-13 : name.equals("plane_cylinder_upright_and_tilted") ? 5e-14 : 1e-14);
    }
}
