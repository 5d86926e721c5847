package ddpg.physics.mjcf;

import ddpg.physics.model.ModelFields;

/**
 * Prints a compiled model in {@code mjref info}'s {@code model_fields.txt} format, so our compiler's output for any
 * MJCF file can be diffed against real MuJoCo's:
 * {@code java -cp ddpg.jar ddpg.physics.mjcf.DumpModel walker.xml > ours.txt}.
 */
public final class DumpModel {
    private DumpModel() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: DumpModel <built-in name | model.xml>");
            System.exit(2);
        }
        try {
            System.out.print(ModelFields.format(Models.load(args[0])));
        } catch (MjcfException | IllegalArgumentException e) {
            System.err.println("DumpModel: " + e.getMessage());
            System.exit(2);
        }
    }
}
