package ddpg.rl.cli;

import ddpg.physics.DidYouMean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code ddpg.jar example [E03 [args]]}: lists the teaching programs of the examples module, or runs one, in this
 * JVM (which already has the Vector API). The list comes from {@code META-INF/ddpg-examples.tsv}, which the examples
 * module ships inside ddpg.jar; rl does not depend on the examples, so they are found at run time.
 */
final class ExampleCommand implements Command {
    static final String INDEX = "/META-INF/ddpg-examples.tsv";

    record Example(String name, String className, String args, String summary) {}

    @Override public String name() { return "example"; }

    @Override public String summary() { return "list the teaching programs, or run one: ddpg.jar example E03"; }

    @Override public String positional() { return "[name [arguments...]]"; }

    @Override public Options options() { return new Options(); }

    @Override
    public int run(CommandLine cl) throws Exception {
        List<Example> all = index();
        if (all.isEmpty()) throw new UserError("this build has no examples (they ship in ddpg.jar, built by 'mvn package')");
        List<String> pos = cl.getArgList();
        if (pos.isEmpty()) {
            System.out.println("examples (source: examples/src/main/java/ddpg/examples/; run one with: java -jar ddpg.jar example E03):");
            for (Example e : all)
                System.out.printf(Locale.ROOT, "  %-4s %s%s%n", e.name(), e.summary(), e.args().isEmpty() ? "" : "  (arguments: " + e.args() + ")");
            return 0;
        }
        String wanted = pos.get(0);
        Example ex = null;
        for (Example e : all) {
            String simple = e.className().substring(e.className().lastIndexOf('.') + 1);
            if (e.name().equalsIgnoreCase(wanted) || simple.equalsIgnoreCase(wanted)) ex = e;
        }
        if (ex == null) {
            List<String> names = all.stream().map(Example::name).toList();
            throw new UserError("no example '" + wanted + "'" + DidYouMean.hint(wanted, names) + " (examples: " + String.join(", ", names) + ")");
        }
        Method main = Class.forName(ex.className()).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) pos.subList(1, pos.size()).toArray(new String[0]));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) throw new UserError(cause.getMessage());
            throw cause instanceof Exception x ? x : new RuntimeException(cause);
        }
        return 0;
    }

    static List<Example> index() throws IOException {
        List<Example> out = new ArrayList<>();
        try (InputStream in = ExampleCommand.class.getResourceAsStream(INDEX)) {
            if (in == null) return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                out.add(new Example(f[0], f[1], f[2], f[3]));
            }
        }
        return out;
    }
}
