/**
 * Pictures of training, drawn with the JDK alone (java.awt, javax.imageio): no plotting or imaging library.
 *
 * <h2>Learning curves</h2>
 * {@link ddpg.rl.viz.RunReader} reads a run folder ({@code progress.csv} via {@link ddpg.rl.viz.ProgressCsv}, the task
 * and seed from {@code config.json}). {@link ddpg.rl.viz.GroupCurves} combines the runs of one group (one task, one
 * setting: seeds) into a mean line with a +-1 std band ({@link ddpg.rl.viz.SeedBand}: runs logged at different steps
 * or of different lengths are aligned by linear interpolation over each run's own span); a
 * {@link ddpg.rl.viz.TaskCurves} is a task's groups, and {@link ddpg.rl.viz.Plot} draws one panel per task
 * ({@link ddpg.rl.viz.PlotPanel}, legend below it by {@link ddpg.rl.viz.PanelLegend}), one colour per group. Which runs
 * form a group is decided outside this package ({@code ddpg.rl.report.RunGroups}, shared by {@code ddpg.jar plot} and
 * {@code ddpg.jar report}). The trainer calls {@link ddpg.rl.viz.Plot#writeRunCurve} at every evaluation; files are
 * replaced atomically ({@link ddpg.rl.viz.ImageFiles}).
 *
 * <h2>Rendering</h2>
 * The renderer never sees the physics engine: it draws {@link ddpg.rl.viz.SceneGeom}s (MuJoCo's geom types, sizes
 * and world poses) from a pinhole {@link ddpg.rl.viz.Camera}. {@link ddpg.rl.viz.Renderer} casts one ray per pixel and
 * intersects it analytically with each geom ({@link ddpg.rl.viz.RayGeomIntersection}: sphere, capsule, cylinder,
 * ellipsoid, box, one-sided bounded plane), after two cheap rejections: the geom's projected bounding box must contain the pixel, and
 * the ray must pass within its bounding radius. Shading: ambient + headlight + Lambert key light with a shadow ray,
 * in flat bands; a box-filtered checker of three shades on floors; silhouettes and shadow borders re-sampled with
 * four rays. {@link
 * ddpg.rl.viz.PhysicsScene} builds the scene from a {@code Model} and body or geom poses, {@link ddpg.rl.viz.TaskView}
 * holds the Control Suite's default cameras (fixed for cartpole and reacher, following the torso for the walkers).
 *
 * <h2>Animations</h2>
 * {@link ddpg.rl.viz.GifWriter} streams frames into a looping GIF (NETSCAPE2.0 extension) with one palette fitted to
 * the first frame ({@link ddpg.rl.viz.Palette}, median cut) and, after it, only the rectangle of changed pixels, the
 * unchanged ones in it transparent or their own colour, whichever makes longer runs ({@link ddpg.rl.viz.RunChooser}),
 * compressed by its own LZW coder ({@link ddpg.rl.viz.GifLzw}); a viewer shows each frame exactly as it was mapped to
 * the palette. {@link ddpg.rl.viz.GifRecorder} picks frames at about 30 per second
 * of simulated time and sets delays so the clip plays in real time; {@link ddpg.rl.viz.EpisodeGif} rolls a policy out
 * in a task and films it with the return so far in the corner ({@link ddpg.rl.viz.FrameOverlay}), through a
 * {@link ddpg.rl.viz.CameraFollow} that leaves the body 15 cm of slack and re-centres it in quick pans, so the floor
 * stays still while the body only sways. {@code ddpg.jar plot} (with {@code report}) and
 * {@code ddpg.jar render} are thin layers over {@code Plot.writePng} and {@code EpisodeGif.record}.
 */
package ddpg.rl.viz;
