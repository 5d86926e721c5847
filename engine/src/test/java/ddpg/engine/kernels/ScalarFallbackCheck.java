package ddpg.engine.kernels;

import java.util.Random;

/**
 * Run by {@link KernelSelectionTest} in a JVM without the Vector API module: the kernels must fall back to the
 * scalar references without ever loading a Vector API class, and compute the right thing.
 */
public final class ScalarFallbackCheck {
    public static void main(String[] args) {
        require(!Kernels.vectorModulePresent(), "the module must be absent in this JVM");
        require(Kernels.gemm().name().equals("scalar"), "gemm() is " + Kernels.gemm().name());
        require(Kernels.gemm(2).name().equals("scalar"), "gemm(2) is " + Kernels.gemm(2).name());
        require(Kernels.description().equals("scalar"), "description " + Kernels.description());
        require(Elementwise.implementation().equals("scalar"), "elementwise " + Elementwise.implementation());
        Random rnd = new Random(1);
        int m = 17, k = 15, n = 65;
        float[] a = new float[m * k], b = new float[k * n], c = new float[m * n], d = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = (float) rnd.nextGaussian();
        for (int i = 0; i < b.length; i++) b[i] = (float) rnd.nextGaussian();
        Kernels.gemm().nn(m, k, n, a, b, c, false);
        new NaiveGemm().nn(m, k, n, a, b, d, false);
        for (int i = 0; i < c.length; i++) require(Math.abs(c[i] - d[i]) < 1e-4f, "nn differs at " + i);
        float[] x = {-1f, 2f};
        Elementwise.relu(x, x, 2);
        require(x[0] == 0f && x[1] == 2f, "relu");
        System.out.println("scalar fallback OK");
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            System.out.println("FAILED: " + what);
            System.exit(1);
        }
    }
}
