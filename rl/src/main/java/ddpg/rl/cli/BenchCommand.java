package ddpg.rl.cli;

import ddpg.physics.DidYouMean;
import ddpg.rl.bench.BenchContext;
import ddpg.rl.bench.BenchSuite;
import ddpg.rl.bench.BenchSuites;
import ddpg.rl.bench.GemmShape;
import ddpg.rl.bench.MachineInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code ddpg.jar bench [suite...] [--shape MxKxN]... [--threads T] [--quick]}: benchmarks without JMH. Suites come
 * from {@link BenchSuites} (gemm, elementwise, and whatever others register there); "all" runs every one.
 */
final class BenchCommand implements Command {
    @Override public String name() { return "bench"; }

    @Override public String summary() { return "measure kernels on this machine (GFLOP/s and % of the FMA peak measured now)"; }

    @Override public String positional() { return "[" + String.join("|", BenchSuites.names()) + "|all]..."; }

    @Override
    public Options options() {
        Options o = new Options();
        o.addOption(Option.builder().longOpt("shape").hasArg().argName("MxKxN")
                .desc("gemm shape, repeatable; nt:MxKxN and tn:MxKxN for the transposed forms "
                        + "(default: the DDPG layer shapes, their backward products and 1024x1024x1024)").build());
        o.addOption(Option.builder().longOpt("threads").hasArg().argName("T")
                .desc("also time the multi-threaded GEMM on T threads (default 1: single-threaded only)").build());
        o.addOption(Option.builder().longOpt("variant").hasArg().argName("NAME")
                .desc("only these gemm variants, repeatable: naive, scalar, vector-row, vector-blocked, vector, "
                        + "vector-<T>t (default: all)").build());
        o.addOption(Option.builder().longOpt("samples").hasArg().argName("N")
                .desc("timed samples per result; the median and the best are printed (default 15, quick 9)").build());
        o.addOption(Option.builder().longOpt("sample-ms").hasArg().argName("MS")
                .desc("length of one sample in milliseconds; short samples on a busy machine make 'best' the "
                        + "undisturbed speed (default 20, quick 10)").build());
        o.addOption(Option.builder().longOpt("csv").hasArg().argName("FILE")
                .desc("also write every result to FILE as CSV, one measurement per row: date, jdk, cpu, suite, item,"
                        + " metric, value, unit (written when the run ends)").build());
        o.addOption(Option.builder().longOpt("quick").desc("fewer shapes, shorter timings (default off)").build());
        return o;
    }

    @Override
    public int run(CommandLine cl) {
        int threads = Args.intValue(cl, "threads", 1);
        try {
            ddpg.rl.train.RunSettings.checkThreads(threads);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        String[] shapes = cl.getOptionValues("shape");
        List<String> shapeList = shapes == null ? List.of() : List.of(shapes);
        for (String s : shapeList) {
            try {
                GemmShape.parse(s);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        List<BenchSuite> suites = new ArrayList<>();
        List<String> names = cl.getArgList().isEmpty() ? List.of("gemm") : cl.getArgList();
        for (String n : names) {
            if (n.equals("all")) {
                suites.addAll(BenchSuites.all());
                continue;
            }
            BenchSuite s = BenchSuites.byName(n);
            if (s == null) {
                throw new UserError("unknown benchmark suite '" + n + "'" + DidYouMean.hint(n, BenchSuites.names())
                        + " (suites: " + String.join(", ", BenchSuites.names()) + ", all)");
            }
            suites.add(s);
        }
        if (!shapeList.isEmpty() && suites.stream().noneMatch(s -> s.name().equals("gemm")))
            throw new UserError("--shape only applies to the gemm suite; add 'gemm' to the suites");
        String[] variants = cl.getOptionValues("variant");
        boolean quick = cl.hasOption("quick");
        int samples = Args.intValue(cl, "samples", quick ? 9 : 15);
        double sampleMs = Args.doubleValue(cl, "sample-ms", quick ? 10 : 20);
        if (samples < 1 || samples > 100_000) throw new UserError("--samples must be between 1 and 100000, got " + samples);
        if (!(sampleMs > 0 && sampleMs <= 60_000)) throw new UserError("--sample-ms must be between 0 and 60000, got " + sampleMs);
        BenchContext ctx = new BenchContext(threads, quick, shapeList,
                variants == null ? List.of() : List.of(variants), System.out, sampleMs, samples);
        java.nio.file.Path csv = cl.hasOption("csv") ? Args.outputFile(cl.getOptionValue("csv"), "--csv") : null;
        for (String line : MachineInfo.header(ctx)) System.out.println(line);
        for (BenchSuite s : suites) {
            try {
                s.run(ctx);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("bench " + s.name() + " failed: " + e.getMessage(), e);
            }
        }
        if (csv != null) {
            try {
                ctx.results().writeCsv(csv);
            } catch (java.io.IOException e) {
                throw new UserError("could not write " + csv + " (" + e.getMessage() + "); the results are printed above");
            }
            System.out.println("# " + ctx.results().size() + " results -> " + csv);
        }
        return 0;
    }
}
