package ddpg.rl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifest (no cluster here, so its structure is checked: the Indexed Job fields Kubernetes needs) and
 * the Slurm script's directives (the real submission is SlurmSweepTest).
 */
class SchedulerFilesTest {
    /** The YAML subset the manifest uses (block maps, block lists of scalars or maps), as nested Maps and Lists. */
    static Object parseYaml(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) if (!l.isBlank() && !l.stripLeading().startsWith("#")) lines.add(l);
        int[] pos = {0};
        return block(lines, pos, 0);
    }

    private static int indent(String l) {
        return l.length() - l.stripLeading().length();
    }

    private static Object block(List<String> lines, int[] pos, int ind) {
        if (lines.get(pos[0]).stripLeading().startsWith("- ")) {
            List<Object> list = new ArrayList<>();
            while (pos[0] < lines.size() && indent(lines.get(pos[0])) == ind && lines.get(pos[0]).stripLeading().startsWith("- ")) {
                String item = lines.get(pos[0]).stripLeading().substring(2);
                if (item.contains(": ") || item.endsWith(":")) {
                    // a map item: rewrite "- k: v" as "  k: v" and read the map at the item's indentation
                    lines.set(pos[0], " ".repeat(ind + 2) + item);
                    list.add(block(lines, pos, ind + 2));
                } else {
                    list.add(item);
                    pos[0]++;
                }
            }
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        while (pos[0] < lines.size() && indent(lines.get(pos[0])) == ind) {
            String l = lines.get(pos[0]).strip();
            int colon = l.indexOf(':');
            String key = l.substring(0, colon), rest = l.substring(colon + 1).strip();
            pos[0]++;
            if (!rest.isEmpty()) map.put(key, rest);
            else map.put(key, block(lines, pos, indent(lines.get(pos[0]))));
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, Object... path) {
        Object n = node;
        for (Object p : path) n = p instanceof Integer i ? ((List<Object>) n).get(i) : ((Map<String, Object>) n).get(p);
        return (T) n;
    }

    @Test
    void theK8sManifestIsAnIndexedJobThatRunsEachCellFromTheVolume() {
        String yaml = K8sManifest.render("dmc5", 15, 4, "eclipse-temurin:17-jre", "my-claim", "3Gi", "2g", null);
        Object doc = parseYaml(yaml);
        assertEquals("batch/v1", at(doc, "apiVersion"));
        assertEquals("Job", at(doc, "kind"));
        assertEquals("ddpg-dmc5", at(doc, "metadata", "name"));
        assertEquals("Indexed", at(doc, "spec", "completionMode"));
        assertEquals("15", at(doc, "spec", "completions"));
        assertEquals("4", at(doc, "spec", "parallelism"));
        Object container = at(doc, "spec", "template", "spec", "containers", 0);
        assertEquals("eclipse-temurin:17-jre", at(container, "image"));
        List<String> cmd = at(container, "command");
        assertEquals(List.of("java", "-Xmx2g", "--add-modules=jdk.incubator.vector", "-jar", "/sweeps/dmc5/ddpg.jar", "sweep", "cell",
                "/sweeps/dmc5", "$(JOB_COMPLETION_INDEX)"), cmd);
        assertEquals("JOB_COMPLETION_INDEX", at(container, "env", 0, "name"));
        assertEquals("metadata.annotations['batch.kubernetes.io/job-completion-index']", at(container, "env", 0, "valueFrom", "fieldRef", "fieldPath"));
        assertEquals("\"1\"", at(container, "resources", "requests", "cpu"));
        assertEquals("3Gi", at(container, "resources", "limits", "memory"));
        assertEquals("/sweeps", at(container, "volumeMounts", 0, "mountPath"));
        assertEquals("my-claim", at(doc, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"));
        assertEquals("OnFailure", at(doc, "spec", "template", "spec", "restartPolicy"));
        assertEquals("90", at(doc, "spec", "template", "spec", "terminationGracePeriodSeconds"));
    }

    @Test
    void theSlurmScriptIsAnArrayJobThatRequeuesAndLogsInsideTheSweep() {
        String s = SlurmScript.render("/data/sweeps/dmc5", 15, new SlurmScript.Resources(1, "4:00:00", "3G", "gpu", 6), "2g", null,
                "/data/sweeps/dmc5/ddpg.jar");
        for (String d : List.of("#SBATCH --array=0-14%6", "#SBATCH --cpus-per-task=1", "#SBATCH --time=4:00:00", "#SBATCH --mem=3G",
                "#SBATCH --partition=gpu", "#SBATCH --requeue", "#SBATCH --signal=B:TERM@120", "#SBATCH --output=/data/sweeps/dmc5/logs/slurm-%A_%a.out"))
            assertTrue(s.contains(d + "\n"), d + " in\n" + s);
        assertTrue(s.contains("-cp /data/sweeps/dmc5/ddpg.jar ddpg.rl.cli.Main sweep cell /data/sweeps/dmc5 \"$SLURM_ARRAY_TASK_ID\""), s);
        assertTrue(s.startsWith("#!/bin/bash\n"));
    }
}
