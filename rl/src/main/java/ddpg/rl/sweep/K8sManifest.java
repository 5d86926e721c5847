package ddpg.rl.sweep;

/**
 * {@code sweep-job.yaml}: a Kubernetes Indexed Job with one completion per cell. Each pod runs
 * {@code sweep cell /sweeps/<name> $JOB_COMPLETION_INDEX} with the sweep's own jar, from a PersistentVolumeClaim that
 * holds the sweep folder; a restarted or rescheduled pod resumes its cell from the last checkpoint.
 */
public final class K8sManifest {
    public static final String FILE = "sweep-job.yaml";
    public static final String DEFAULT_IMAGE = "eclipse-temurin:17-jre";
    public static final String DEFAULT_PVC = "ddpg-sweeps";
    static final String MOUNT = "/sweeps";

    private K8sManifest() {}

    /**
     * @param sweepName the sweep folder's name: the folder must sit at the top of the volume
     * @param parallelism pods at once
     * @param memory memory request and limit per pod, e.g. "4Gi"
     */
    public static String render(String sweepName, int cells, int parallelism, String image, String pvc, String memory,
                                String jvmHeap, String kernelsOption) {
        String name = "ddpg-" + SlurmScript.jobName(sweepName).replace('_', '-').replace('.', '-');
        String dir = MOUNT + "/" + sweepName;
        StringBuilder sb = new StringBuilder();
        sb.append("# A ddpg sweep as a Kubernetes Indexed Job: one completion per cell (see sweep.json for the cells).\n");
        sb.append("# The sweep folder must be at the top of the volume claimed by '").append(pvc).append("'; then: kubectl apply -f ")
                .append(FILE).append('\n');
        sb.append("apiVersion: batch/v1\n");
        sb.append("kind: Job\n");
        sb.append("metadata:\n");
        sb.append("  name: ").append(name).append('\n');
        sb.append("spec:\n");
        sb.append("  completionMode: Indexed\n");
        sb.append("  completions: ").append(cells).append('\n');
        sb.append("  parallelism: ").append(parallelism).append('\n');
        sb.append("  backoffLimit: ").append(3L * cells).append('\n');
        sb.append("  template:\n");
        sb.append("    spec:\n");
        sb.append("      restartPolicy: OnFailure\n");
        // A stopped cell finishes its episode and checkpoints (up to 60 s) before it exits.
        sb.append("      terminationGracePeriodSeconds: 90\n");
        sb.append("      containers:\n");
        sb.append("        - name: cell\n");
        sb.append("          image: ").append(image).append('\n');
        sb.append("          command:\n");
        sb.append("            - java\n");
        sb.append("            - -Xmx").append(jvmHeap).append('\n');
        sb.append("            - --add-modules=jdk.incubator.vector\n");
        sb.append("            - -jar\n");
        sb.append("            - ").append(dir).append('/').append(SweepFolder.JAR).append('\n');
        if (kernelsOption != null) sb.append("            - --kernels\n            - ").append(kernelsOption).append('\n');
        sb.append("            - sweep\n");
        sb.append("            - cell\n");
        sb.append("            - ").append(dir).append('\n');
        sb.append("            - $(JOB_COMPLETION_INDEX)\n");
        sb.append("          env:\n");
        sb.append("            - name: JOB_COMPLETION_INDEX\n");
        sb.append("              valueFrom:\n");
        sb.append("                fieldRef:\n");
        sb.append("                  fieldPath: metadata.annotations['batch.kubernetes.io/job-completion-index']\n");
        sb.append("          resources:\n");
        sb.append("            requests:\n");
        sb.append("              cpu: \"1\"\n");
        sb.append("              memory: ").append(memory).append('\n');
        sb.append("            limits:\n");
        sb.append("              memory: ").append(memory).append('\n');
        sb.append("          volumeMounts:\n");
        sb.append("            - name: sweeps\n");
        sb.append("              mountPath: ").append(MOUNT).append('\n');
        sb.append("      volumes:\n");
        sb.append("        - name: sweeps\n");
        sb.append("          persistentVolumeClaim:\n");
        sb.append("            claimName: ").append(pvc).append('\n');
        return sb.toString();
    }
}
