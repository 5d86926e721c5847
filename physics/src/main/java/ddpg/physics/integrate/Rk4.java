package ddpg.physics.integrate;

import ddpg.physics.model.Data;
import ddpg.physics.model.Model;

/**
 * Classic 4-stage Runge-Kutta on (qpos, qvel), as MuJoCo 2.2.2's mj_RungeKutta: stage 0 is the (qvel, qacc) of
 * the forward pass already done; stage i = 1..3 evaluates a full forward pass (constraints included) at
 * {@code qpos0 (+) h c_i v_{i-1}}, {@code qvel0 + h c_i a_{i-1}} with c = (1/2, 1/2, 1) and time t0 + c_i h; the
 * step uses the weighted means {@code (v0 + 2 v1 + 2 v2 + v3)/6} and {@code (a0 + 2 a1 + 2 a2 + a3)/6}, positions
 * integrated on the manifold from qpos0.
 */
public final class Rk4 {
    private static final double[] C = {0.5, 0.5, 1.0};
    private static final double[] B = {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6};
    private final Model m;
    private final Positions positions;
    private final double[] qpos0, qvel0, qacc0, vel, acc, sumV, sumA;

    public Rk4(Model m) {
        this.m = m;
        positions = new Positions(m);
        qpos0 = new double[m.nq];
        qvel0 = new double[m.nv];
        qacc0 = new double[m.nv];
        vel = new double[4 * m.nv];
        acc = new double[4 * m.nv];
        sumV = new double[m.nv];
        sumA = new double[m.nv];
    }

    /**
     * Advances d by one step. d must hold a forward pass at its current state; {@code forward} recomputes qacc
     * (without sensors) for whatever state is in d.
     */
    public void step(Data d, Runnable forward) {
        int nv = m.nv;
        double h = m.optTimestep, t0 = d.time;
        System.arraycopy(d.qpos, 0, qpos0, 0, m.nq);
        System.arraycopy(d.qvel, 0, qvel0, 0, nv);
        System.arraycopy(d.qacc, 0, qacc0, 0, nv);
        System.arraycopy(d.qvel, 0, vel, 0, nv);
        System.arraycopy(d.qacc, 0, acc, 0, nv);
        for (int s = 1; s < 4; s++) {
            double c = C[s - 1];
            System.arraycopy(qpos0, 0, d.qpos, 0, m.nq);
            positions.integrate(d.qpos, vel, (s - 1) * nv, c * h);
            for (int i = 0; i < nv; i++) d.qvel[i] = qvel0[i] + c * h * acc[(s - 1) * nv + i];
            d.time = t0 + c * h;
            forward.run();
            System.arraycopy(d.qvel, 0, vel, s * nv, nv);
            System.arraycopy(d.qacc, 0, acc, s * nv, nv);
        }
        for (int i = 0; i < nv; i++) {
            double v = 0, a = 0;
            for (int s = 0; s < 4; s++) {
                v += B[s] * vel[s * nv + i];
                a += B[s] * acc[s * nv + i];
            }
            sumV[i] = v;
            sumA[i] = a;
        }
        System.arraycopy(qacc0, 0, d.qaccWarmstart, 0, nv);
        System.arraycopy(qpos0, 0, d.qpos, 0, m.nq);
        positions.integrate(d.qpos, sumV, 0, h);
        for (int i = 0; i < nv; i++) d.qvel[i] = qvel0[i] + h * sumA[i];
        d.time = t0 + h;
    }
}
