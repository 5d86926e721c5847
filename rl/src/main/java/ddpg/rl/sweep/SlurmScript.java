package ddpg.rl.sweep;

import java.util.Locale;

/**
 * {@code sweep.sbatch}: a Slurm array job with one task per cell. Each task runs {@code sweep cell <dir> <index>} with
 * the sweep's own jar, which starts the cell or resumes it from its last checkpoint, so a preempted or requeued task
 * continues exactly where it stopped ({@code --requeue}). Output goes to {@code logs/} inside the sweep folder.
 */
public final class SlurmScript {
    /** The sbatch resources; {@code maxParallel} 0 = as many as Slurm allows. */
    public record Resources(int cpusPerTask, String time, String mem, String partition, int maxParallel) {}

    public static final String FILE = "sweep.sbatch";

    private SlurmScript() {}

    /**
     * @param sweepDir absolute path of the sweep folder, as the cluster's nodes see it
     * @param classPath what runs ddpg: the sweep's own jar, or (ddpg run from class folders) the class path
     */
    public static String render(String sweepDir, int cells, Resources r, String jvmHeap, String kernelsOption, String classPath) {
        StringBuilder sb = new StringBuilder();
        sb.append("#!/bin/bash\n");
        sb.append("# A ddpg sweep as a Slurm array job: one array task per cell (see sweep.json for the cells).\n");
        sb.append("# Submit with: sbatch ").append(quote(sweepDir + "/" + FILE)).append('\n');
        sb.append("#SBATCH --job-name=ddpg-").append(jobName(sweepDir)).append('\n');
        sb.append("#SBATCH --array=0-").append(cells - 1).append(r.maxParallel() > 0 ? "%" + r.maxParallel() : "").append('\n');
        sb.append("#SBATCH --ntasks=1\n");
        sb.append("#SBATCH --cpus-per-task=").append(r.cpusPerTask()).append('\n');
        sb.append("#SBATCH --mem=").append(r.mem()).append('\n');
        sb.append("#SBATCH --time=").append(r.time()).append('\n');
        if (r.partition() != null && !r.partition().isEmpty()) sb.append("#SBATCH --partition=").append(r.partition()).append('\n');
        sb.append("#SBATCH --requeue\n");
        // Two minutes before the time limit the cell is told to stop: it finishes its episode and checkpoints.
        sb.append("#SBATCH --signal=B:TERM@120\n");
        sb.append("#SBATCH --open-mode=append\n");
        sb.append("#SBATCH --output=").append(sweepDir).append("/logs/slurm-%A_%a.out\n");
        sb.append('\n');
        sb.append("# A requeued or restarted task resumes its cell from the last checkpoint; a finished cell exits at once.\n");
        sb.append("# DDPG_JAVA may name the java binary of the nodes (default: java on the PATH).\n");
        sb.append("exec \"${DDPG_JAVA:-java}\" -Xmx").append(jvmHeap).append(" --add-modules=jdk.incubator.vector -cp ")
                .append(quote(classPath)).append(" ddpg.rl.cli.Main");
        if (kernelsOption != null) sb.append(" --kernels ").append(kernelsOption);
        sb.append(" sweep cell ").append(quote(sweepDir)).append(" \"$SLURM_ARRAY_TASK_ID\"\n");
        return sb.toString();
    }

    static String jobName(String sweepDir) {
        String n = sweepDir.replaceAll("/+$", "");
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
    }

    static String quote(String s) {
        return s.matches("[A-Za-z0-9_./=:,+-]+") ? s : "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
