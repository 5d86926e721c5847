package ddpg.rl.replay;

/**
 * A minibatch of transitions in flat row-major float arrays, allocated once and refilled by
 * {@link ReplayBuffer#sample} at every update.
 */
public final class Batch {
    public final int size, obsSize, actSize;
    /** s: [size x obsSize] */
    public final float[] obs;
    /** a: [size x actSize] */
    public final float[] act;
    /** r: [size] */
    public final float[] rew;
    /** discount: [size], 0 at a true terminal, 1 otherwise */
    public final float[] disc;
    /** s': [size x obsSize] */
    public final float[] nextObs;
    /** the replay slots drawn (for tests) */
    public final int[] index;

    public Batch(int size, int obsSize, int actSize) {
        this.size = size;
        this.obsSize = obsSize;
        this.actSize = actSize;
        this.obs = new float[size * obsSize];
        this.act = new float[size * actSize];
        this.rew = new float[size];
        this.disc = new float[size];
        this.nextObs = new float[size * obsSize];
        this.index = new int[size];
    }
}
