package ddpg.rl.train;

import ddpg.rl.ddpg.DdpgConfig;
import ddpg.rl.replay.ReplayBuffer;
import java.util.Locale;

/**
 * What a run needs on the Java heap, worked out from its settings before anything is allocated, so that settings
 * that cannot fit are refused before the run folder is created: four network copies (actor, critic and their
 * targets), Adam's two moments and the gradients of actor and critic, the replay buffer, and one update's
 * activations. Sizes are doubles because absurd widths overflow a long.
 */
public final class MemoryBudget {
    /** Java arrays hold at most about 2^31 elements; a larger weight matrix cannot exist at all. */
    private static final double MAX_ARRAY = Integer.MAX_VALUE - 16;
    /** Leave room for everything else on the heap (the JIT, the simulator, pictures, GC headroom). */
    private static final double USABLE = 0.8;

    private MemoryBudget() {}

    /** One line saying why these settings cannot run in {@code maxHeap} bytes, or null when they fit. */
    public static String problem(DdpgConfig c, int obs, int act, long maxHeap) {
        int[] h = c.hidden;
        double params = actorParameters(obs, act, c) + criticParameters(obs, act, c);
        double widest = 0, widths = obs + act + 1;
        for (int i = 0; i < h.length; i++) {
            double in = i == 0 ? obs : h[i - 1];
            if (i == c.actionLayer - 1) in += act;
            widest = Math.max(widest, in * h[i]);
            widths += 2.0 * h[i];
        }
        if (widest > MAX_ARRAY || (double) c.batch * widths > MAX_ARRAY) {
            return String.format(Locale.ROOT, "--hidden %s makes a weight or activation matrix of more than 2^31 numbers,"
                    + " larger than a Java array can be; use smaller --hidden widths", hiddenText(h));
        }
        double networks = 4 * params * (2 + 2 + 1);              // 2 networks + 2 targets; x2 Adam moments; x1 gradients
        double activations = 4 * 12 * (double) c.batch * widths;  // forward and backward of actor, critic and targets
        double replay = ReplayBuffer.bytesFor(c.buffer, obs, act);
        double need = networks + activations + replay;
        if (need <= maxHeap * USABLE) return null;
        return String.format(Locale.ROOT, "these settings need about %.1f GB of memory (networks with --hidden %s, their"
                + " Adam state and gradients: %.1f GB; replay buffer of %,d transitions: %.1f GB) but Java may use only"
                + " %.1f GB; use a smaller --hidden or --buffer, or run java -Xmx%dg -jar ddpg.jar ...",
                need / 1e9, hiddenText(h), (networks + activations) / 1e9, c.buffer, replay / 1e9, maxHeap / 1e9,
                (long) Math.ceil(need / USABLE / 1e9) + 1);
    }

    static double actorParameters(int obs, int act, DdpgConfig c) {
        double p = c.batchNorm ? 4.0 * obs : 0;
        double in = obs;
        for (int w : c.hidden) {
            p += in * w + w + (c.batchNorm ? 4.0 * w : 0);
            in = w;
        }
        return p + in * act + act;
    }

    static double criticParameters(int obs, int act, DdpgConfig c) {
        double p = c.batchNorm ? 4.0 * obs : 0;
        double in = obs;
        for (int i = 0; i < c.hidden.length; i++) {
            int w = c.hidden[i];
            if (i == c.actionLayer - 1) in += act;
            p += in * w + w + (c.batchNorm && i < c.actionLayer - 1 ? 4.0 * w : 0);
            in = w;
        }
        return p + in + 1;
    }

    private static String hiddenText(int[] h) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < h.length; i++) sb.append(i == 0 ? "" : ",").append(h[i]);
        return sb.toString();
    }
}
