package ddpg.rl.report;

import ddpg.rl.train.PolicyFiles;
import ddpg.rl.train.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a run stands, read from its folder alone. */
public enum RunState {
    /**
     * No process holds its lock and it logged all of run.steps (the trainer writes the row at run.steps only when the
     * loop completes), or, when run.steps is unknown, its final policy exists. Judged from progress.csv rather than
     * the policy file so that a results folder holding only config.json and progress.csv reports the same.
     */
    FINISHED("finished"),
    /** A process holds {@code <run>/.lock}: it is being trained right now. */
    RUNNING("running"),
    /** Neither: interrupted, failed, or not started; {@code --resume} continues it. */
    STOPPED("stopped");

    public final String word;

    RunState(String word) {
        this.word = word;
    }

    /** @param planned run.steps from config.json (-1 unknown); @param stepsDone the last env_step in progress.csv */
    static RunState of(Path dir, long planned, long stepsDone) {
        if (RunLock.isHeld(dir)) return RUNNING;
        if (planned >= 0 ? stepsDone >= planned : Files.isRegularFile(dir.resolve(PolicyFiles.WEIGHTS))) return FINISHED;
        return STOPPED;
    }
}
