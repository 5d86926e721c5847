package ddpg.rl.cli;

import ddpg.engine.kernels.Kernels;
import ddpg.physics.DidYouMean;
import ddpg.physics.env.EnvSpec;
import ddpg.physics.env.Tasks;
import ddpg.rl.replay.ReplayBuffer;
import ddpg.rl.sweep.Cell;
import ddpg.rl.sweep.CellState;
import ddpg.rl.sweep.K8sManifest;
import ddpg.rl.sweep.LocalScheduler;
import ddpg.rl.sweep.SeedList;
import ddpg.rl.sweep.SlurmScript;
import ddpg.rl.sweep.SweepFolder;
import ddpg.rl.sweep.SweepPlan;
import ddpg.rl.train.AtomicFiles;
import ddpg.rl.train.LiveProgress;
import ddpg.rl.train.RunConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ddpg.jar sweep}: a grid of runs (tasks x seeds x {@code --grid} settings) on this machine's cores, or handed
 * to Slurm or Kubernetes; {@code sweep cell} runs one cell (what every scheduler calls), {@code sweep status} reads
 * where each cell stands. Re-running a sweep is idempotent: done cells are skipped, stopped ones resume exactly.
 */
final class SweepCommand implements Command {
    @Override public String name() { return "sweep"; }

    @Override public String summary() { return "run tasks x seeds (x --grid settings) on local cores, Slurm or Kubernetes; 'sweep status DIR'"; }

    @Override public String positional() { return "[cell <sweep dir> <index> | status <sweep dir>]"; }

    /** Sweep options that may be given with --resume (how to run, not what). */
    private static final Set<String> RESUME_OK = Set.of("resume", "jobs", "scheduler", "submit", "time", "mem",
            "cpus-per-task", "partition", "image", "pvc", "log-every");

    private final TrainCommand train = new TrainCommand();

    @Override
    public Options options() {
        Options o = new Options();
        opt(o, "tasks", "t1,t2", "tasks to run, comma-separated (see 'ddpg.jar tasks'); required unless --resume");
        opt(o, "seeds", "list", "seeds: 1-5, 1,2,7 or a mix such as 1-3,10 (default 1)");
        opt(o, "out", "dir", "the sweep folder: sweep.json, a jar copy, one run folder per cell, logs/ (default sweeps/<tasks>)");
        o.addOption(Option.builder().longOpt("grid").hasArg().argName("name=v1,v2")
                .desc("an extra axis over any train option, e.g. --grid batch-norm=on,off or --grid preset=default,paper; repeatable").build());
        opt(o, "jobs", "N", "cells at once (local default: the number of cores; slurm default: no limit; k8s default: all cells)");
        opt(o, "scheduler", "name", "local (default: child processes here), slurm (writes sweep.sbatch) or k8s (writes sweep-job.yaml)");
        o.addOption(Option.builder().longOpt("submit").desc("slurm: submit sweep.sbatch with sbatch and print the job id").build());
        opt(o, "resume", "sweep dir", "continue a sweep from its sweep.json (same as repeating its command)");
        opt(o, "time", "D-HH:MM:SS", "slurm: time limit per cell (default: from --steps, at 50 env steps/s, at least 1 hour)");
        opt(o, "mem", "size", "slurm/k8s: memory per cell, e.g. 4G (default: the replay buffer plus 2 GB)");
        opt(o, "cpus-per-task", "N", "slurm: CPUs per cell (default 1; cells train with one thread)");
        opt(o, "partition", "name", "slurm: partition to submit to (default: the cluster's default)");
        opt(o, "image", "name", "k8s: container image with a Java 17+ runtime (default " + K8sManifest.DEFAULT_IMAGE + ")");
        opt(o, "pvc", "name", "k8s: PersistentVolumeClaim holding the sweep folder (default " + K8sManifest.DEFAULT_PVC + ")");
        Options trainOptions = train.options();
        for (String n : SweepTrainArgs.forwarded()) if (!o.hasLongOption(n)) o.addOption(trainOptions.getOption(n));
        return o;
    }

    private static void opt(Options o, String name, String arg, String desc) {
        o.addOption(Option.builder().longOpt(name).hasArg().argName(arg).desc(desc).build());
    }

    @Override
    public int run(CommandLine cl) throws Exception {
        List<String> pos = cl.getArgList();
        if (!pos.isEmpty()) {
            switch (pos.get(0)) {
                case "cell":
                    if (pos.size() != 3) throw new UserError("usage: ddpg.jar sweep cell <sweep dir> <index>");
                    return runCell(Path.of(pos.get(1)), pos.get(2));
                case "status":
                    if (pos.size() != 2) throw new UserError("usage: ddpg.jar sweep status <sweep dir>");
                    return status(open(Path.of(pos.get(1))));
                default:
                    throw new UserError("unexpected argument '" + pos.get(0) + "'; 'sweep' takes options, or 'cell <dir> <index>'"
                            + " or 'status <dir>'" + DidYouMean.hint(pos.get(0), List.of("cell", "status")));
            }
        }
        // How to run is checked before anything is written.
        String scheduler = cl.getOptionValue("scheduler", "local").toLowerCase(Locale.ROOT);
        if (!List.of("local", "slurm", "k8s", "kubernetes").contains(scheduler))
            throw new UserError("--scheduler expects local, slurm or k8s, got '" + scheduler + "'"
                    + DidYouMean.hint(scheduler, List.of("local", "slurm", "k8s")));
        if (cl.hasOption("jobs") && Args.intValue(cl, "jobs", 1) < 1)
            throw new UserError("--jobs must be at least 1, got " + cl.getOptionValue("jobs"));
        SweepFolder sweep = cl.hasOption("resume") ? resumeFolder(cl) : createFolder(cl);
        switch (scheduler) {
            case "local": return runLocal(sweep, cl);
            case "slurm": return writeSlurm(sweep, cl);
            default: return writeK8s(sweep, cl);
        }
    }

    // ------------------------------------------------------------------ making and opening sweeps

    private SweepFolder createFolder(CommandLine cl) throws IOException {
        if (!cl.hasOption("tasks")) throw new UserError("'sweep' needs --tasks, e.g. --tasks walker-run,cheetah-run (or --resume <sweep dir>)");
        List<String> tasks = new ArrayList<>();
        for (String t : cl.getOptionValue("tasks").split(",")) {
            String name = t.trim();
            if (name.isEmpty()) throw new UserError("--tasks '" + cl.getOptionValue("tasks") + "' has an empty item");
            name = TaskNames.canonical(name);
            if (tasks.contains(name)) throw new UserError("--tasks lists " + name + " twice");
            tasks.add(name);
        }
        List<Long> seeds;
        try {
            seeds = SeedList.parse(cl.getOptionValue("seeds", "1"));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Map<String, List<String>> grid = SweepTrainArgs.grid(cl);
        List<String> common = SweepTrainArgs.common(cl, grid.keySet());
        SweepPlan plan;
        try {
            plan = new SweepPlan(tasks, seeds, grid, common, SweepTrainArgs::isFlag);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        for (Cell c : plan.cells) {
            try {
                train.configOf(c.args());
            } catch (UserError e) {
                throw new UserError("cell " + c.name() + ": " + e.getMessage());
            }
        }
        Path dir = Path.of(cl.getOptionValue("out", "sweeps/" + String.join("+", tasks)));
        try {
            return SweepFolder.createOrOpen(dir, plan, runningJar(), SweepTrainArgs::isFlag);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private SweepFolder resumeFolder(CommandLine cl) {
        for (Option o : cl.getOptions()) {
            if (!RESUME_OK.contains(o.getLongOpt()))
                throw new UserError("--" + o.getLongOpt() + " cannot be given with --resume: the sweep's grid and train options are in its"
                        + " sweep.json (only how to run it may change: --jobs, --scheduler, --submit and the scheduler's resources)");
        }
        return open(Path.of(cl.getOptionValue("resume")));
    }

    private SweepFolder open(Path dir) {
        if (!Files.isDirectory(dir)) throw new UserError("sweep folder " + dir + " does not exist");
        try {
            return SweepFolder.open(dir, SweepTrainArgs::isFlag);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The jar this ddpg runs from, or null when it runs from class folders (tests, an IDE). */
    private static Path runningJar() {
        try {
            Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ schedulers

    private int runLocal(SweepFolder sweep, CommandLine cl) throws IOException, InterruptedException {
        int jobs = Args.intValue(cl, "jobs", Runtime.getRuntime().availableProcessors());
        if (jobs < 1) throw new UserError("--jobs must be at least 1, got " + jobs);
        String heap = heapFor(sweep);
        LocalScheduler s = new LocalScheduler(sweep, jobs, c -> childCommand(sweep, c, heap), System.out, LiveProgress.terminalAttached());
        return s.run();
    }

    /** The command line of one cell's process: the sweep's own jar (or this class path), one thread, the same kernels. */
    private static List<String> childCommand(SweepFolder sweep, Cell c, String heap) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("-Xmx" + heap);
        if (Kernels.vectorModulePresent()) cmd.add("--add-modules=jdk.incubator.vector");
        cmd.add("-cp");
        cmd.add(sweep.jar() != null ? sweep.jar().toAbsolutePath().toString() : System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        if (Kernels.explicitChoice() != null) cmd.addAll(List.of("--kernels", Kernels.explicitChoice()));
        cmd.addAll(List.of("sweep", "cell", sweep.dir.toAbsolutePath().toString(), Integer.toString(c.index())));
        return cmd;
    }

    private int writeSlurm(SweepFolder sweep, CommandLine cl) throws IOException, InterruptedException {
        int jobs = Args.intValue(cl, "jobs", 0);
        if (jobs < 0 || (cl.hasOption("jobs") && jobs == 0)) throw new UserError("--jobs must be at least 1, got " + jobs);
        int cpus = Args.intValue(cl, "cpus-per-task", 1);
        if (cpus < 1) throw new UserError("--cpus-per-task must be at least 1, got " + cpus);
        String heap = heapFor(sweep);
        String mem = cl.getOptionValue("mem", (Integer.parseInt(heap.replace("g", "")) + 1) + "G");
        String time = cl.getOptionValue("time", defaultTime(sweep));
        if (!time.matches("(\\d+-)?\\d+(:\\d\\d){0,2}")) throw new UserError("--time expects D-HH:MM:SS, HH:MM:SS or minutes, got '" + time + "'");
        Path abs = sweep.dir.toAbsolutePath().normalize();
        String script = SlurmScript.render(abs.toString(), sweep.plan.cells.size(),
                new SlurmScript.Resources(cpus, time, mem, cl.getOptionValue("partition"), jobs), heap,
                Kernels.explicitChoice(),
                sweep.jar() != null ? abs.resolve(SweepFolder.JAR).toString() : System.getProperty("java.class.path"));
        Path file = abs.resolve(SlurmScript.FILE);
        AtomicFiles.writeString(file, script);
        System.out.printf(Locale.ROOT, "wrote %s: an array job of %d cells%n", file, sweep.plan.cells.size());
        if (!cl.hasOption("submit")) {
            System.out.println("submit it with: sbatch " + file);
            return 0;
        }
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder("sbatch", "--parsable", file.toString()).redirectErrorStream(true);
            // sbatch hands its environment to the job: not the launcher's own markers.
            pb.environment().remove(ddpg.rl.train.ParentWatch.ENV);
            pb.environment().remove(Relauncher.GUARD);
            p = pb.start();
        } catch (IOException e) {
            throw new UserError("cannot run sbatch (" + e.getMessage() + "): is this a Slurm login node? Submit " + file + " where sbatch works");
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        int code = p.waitFor();
        if (code != 0) throw new UserError("sbatch refused " + file + ": " + out.replace('\n', ' '));
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        System.out.println("submitted job " + id + " (" + sweep.plan.cells.size() + " array tasks); follow it with: squeue -j " + id
                + "  or  java -jar ddpg.jar sweep status " + sweep.dir);
        return 0;
    }

    private int writeK8s(SweepFolder sweep, CommandLine cl) throws IOException {
        if (sweep.jar() == null) throw new UserError("--scheduler k8s needs the sweep's own ddpg.jar; run the sweep from ddpg.jar (java -jar ddpg.jar sweep ...)");
        int cells = sweep.plan.cells.size();
        int jobs = Args.intValue(cl, "jobs", cells);
        if (jobs < 1) throw new UserError("--jobs must be at least 1, got " + jobs);
        String heap = heapFor(sweep);
        String mem = cl.getOptionValue("mem", (Integer.parseInt(heap.replace("g", "")) + 1) + "Gi");
        Path abs = sweep.dir.toAbsolutePath().normalize();
        String yaml = K8sManifest.render(abs.getFileName().toString(), cells, Math.min(jobs, cells),
                cl.getOptionValue("image", K8sManifest.DEFAULT_IMAGE), cl.getOptionValue("pvc", K8sManifest.DEFAULT_PVC), mem, heap,
                Kernels.explicitChoice());
        Path file = abs.resolve(K8sManifest.FILE);
        AtomicFiles.writeString(file, yaml);
        System.out.printf(Locale.ROOT, "wrote %s: an Indexed Job of %d cells, %d at a time%n", file, cells, Math.min(jobs, cells));
        System.out.println("copy " + abs + " to the top of the volume '" + cl.getOptionValue("pvc", K8sManifest.DEFAULT_PVC)
                + "', then: kubectl apply -f " + file);
        return 0;
    }

    /** A JVM heap that holds the largest cell's replay buffer with room for the rest, in whole gigabytes ("3g"). */
    private String heapFor(SweepFolder sweep) {
        long most = 0;
        for (Cell c : sweep.plan.cells) {
            RunConfig cfg = train.configOf(c.args());
            EnvSpec spec = Tasks.spec(cfg.run.task);
            most = Math.max(most, ReplayBuffer.bytesFor(cfg.agent.buffer, spec.observationSize(), spec.actionSize()));
        }
        return (long) Math.ceil(most * 1.25 / 1e9 + 1.0) + "g";
    }

    private String defaultTime(SweepFolder sweep) {
        long steps = 0;
        for (Cell c : sweep.plan.cells) steps = Math.max(steps, train.configOf(c.args()).run.steps);
        long hours = Math.max(1, (long) Math.ceil(steps / 50.0 / 3600));
        return hours + ":00:00";
    }

    // ------------------------------------------------------------------ one cell, and status

    /** Starts the cell, resumes it from its last checkpoint, or says it is complete. */
    private int runCell(Path dir, String indexText) throws IOException {
        SweepFolder sweep = open(dir);
        int index;
        try {
            index = Integer.parseInt(indexText.trim());
        } catch (NumberFormatException e) {
            throw new UserError("sweep cell: the index must be a whole number, got '" + indexText + "'");
        }
        Cell cell;
        try {
            cell = sweep.cell(index);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Path runDir = sweep.cellDir(cell);
        Files.createDirectories(runDir);
        try (var lock = TrainCommand.lock(runDir)) {
            CellState st = CellState.read(runDir, false);
            if (st.done()) {
                System.out.println("cell " + index + " (" + cell.name() + ") is already complete");
                return 0;
            }
            Files.deleteIfExists(runDir.resolve(CellState.FAILED_FILE));
            int code;
            try {
                if (st.checkpointStep() >= 0) {
                    System.out.println("cell " + index + " (" + cell.name() + "): resuming from step " + st.checkpointStep());
                    CommandLine rcl = new org.apache.commons.cli.DefaultParser().parse(train.options(), new String[] {"--resume", runDir.toString()});
                    code = TrainCommand.resumeLocked(rcl, runDir, runDir.resolve("config.json"));
                } else {
                    System.out.println("cell " + index + " (" + cell.name() + "): starting: " + String.join(" ", cell.args()));
                    clearExceptLock(runDir);
                    RunConfig config = train.configOf(cell.args());
                    config.run.out = sweep.dir.toString();
                    code = TrainCommand.startIn(config, runDir);
                }
            } catch (org.apache.commons.cli.ParseException e) {
                throw new IllegalStateException(e);
            } catch (IOException | RuntimeException e) {
                markFailed(runDir, e.getMessage());
                throw e;
            }
            // A cell stopped by a signal has its checkpoint and is resumable, not failed.
            if (code != 0 && code != Main.EXIT_INTERRUPTED) markFailed(runDir, "the run stopped with exit code " + code + "; its log says why");
            return code;
        }
    }

    private static void markFailed(Path runDir, String why) {
        try {
            AtomicFiles.writeString(runDir.resolve(CellState.FAILED_FILE), String.valueOf(why) + "\n");
        } catch (IOException e) {
            // the log has the reason too
        }
    }

    /** Empties a cell folder that never reached a checkpoint, so it can start over; keeps the lock file. */
    private static void clearExceptLock(Path runDir) throws IOException {
        try (var s = Files.list(runDir)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().equals(ddpg.rl.train.RunLock.FILE)) continue;
                try (var w = Files.walk(p)) {
                    List<Path> all = new ArrayList<>(w.toList());
                    for (int i = all.size() - 1; i >= 0; i--) Files.deleteIfExists(all.get(i));
                }
            }
        }
    }

    private int status(SweepFolder sweep) {
        int width = 4;
        for (Cell c : sweep.plan.cells) width = Math.max(width, c.name().length());
        System.out.printf(Locale.ROOT, "sweep %s: %d cells, made by ddpg %s (commit %s)%n", sweep.dir, sweep.plan.cells.size(),
                sweep.version, sweep.commit);
        System.out.printf(Locale.ROOT, "%-" + width + "s  %-11s  %-21s  %s%n", "cell", "state", "env steps", "last eval");
        int[] counts = new int[CellState.State.values().length];
        for (Cell c : sweep.plan.cells) {
            CellState st = CellState.read(sweep.cellDir(c));
            counts[st.state().ordinal()]++;
            String steps = st.stepsTotal() > 0 ? String.format(Locale.ROOT, "%,d / %,d", st.stepsDone(), st.stepsTotal()) : "-";
            String eval = Double.isNaN(st.lastEval()) ? "-" : String.format(Locale.ROOT, "%.1f at %,d", st.lastEval(), st.lastEvalStep());
            String state = st.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            System.out.printf(Locale.ROOT, "%-" + width + "s  %-11s  %-21s  %s%s%n", c.name(), state, steps, eval,
                    st.failure() != null ? "  (" + st.failure() + ")" : "");
        }
        StringBuilder sb = new StringBuilder();
        for (CellState.State s : CellState.State.values())
            if (counts[s.ordinal()] > 0) sb.append(sb.length() == 0 ? "" : ", ").append(counts[s.ordinal()]).append(' ')
                    .append(s.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        System.out.println(sb);
        return 0;
    }
}
