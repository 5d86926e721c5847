package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ddpg.physics.env.ControlSuiteEnv;
import ddpg.physics.env.Tasks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GIF shows every frame exactly as it was mapped to the clip's palette: decoded by the JDK's own GIF reader and
 * composed as a viewer does (each frame drawn at its place over the picture so far, transparent pixels letting it show
 * through, as the frames' disposal "do not dispose" asks), every pixel of every frame is the palette colour of the
 * frame that was added. Real frames from a tracking camera, frames built to strain the LZW coder, and frames whose
 * unchanged pixels are partly stored as their own colour.
 */
class GifExactTest {
    @TempDir Path tmp;

    @Test
    void walkerFramesFromATrackingCameraDecodeToWhatWasRendered() throws IOException {
        ControlSuiteEnv env = Tasks.make("walker-run");
        TaskView view = TaskView.of("walker-run", env.model());
        Renderer renderer = view.renderer(160, 120).threads(1);
        CameraFollow camera = new CameraFollow(view);
        SplittableRandom rng = new SplittableRandom(3);
        double[] action = new double[env.spec().actionSize()];
        env.reset(5);
        List<BufferedImage> frames = new ArrayList<>();
        for (int f = 0; f < 24; f++) {
            BufferedImage frame = renderer.render(PhysicsScene.fromBodyPoses(env.model(), env.physics().xpos(), env.physics().xmat()),
                    camera.cameraAt(env.physics().xpos()));
            FrameOverlay.caption(frame, FrameOverlay.returnSoFar(f), "walker-run");
            frames.add(frame);
            for (int s = 0; s < 2; s++) {
                for (int j = 0; j < action.length; j++) action[j] = 2 * rng.nextDouble() - 1;
                env.step(action);
            }
        }
        assertExact(frames);
    }

    @Test
    void framesThatFillTheCodeTableManyTimesDecodeExactly() throws IOException {
        // Noise in 200 colours (thousands of table resets at 12-bit codes), one long run of a single colour (the longest
        // strings), a frame identical to the one before (one transparent pixel), a single changed pixel, and a half
        // noise / half flat frame.
        SplittableRandom rng = new SplittableRandom(11);
        int w = 181, h = 97;
        int[] colours = new int[200];
        for (int i = 0; i < colours.length; i++) colours[i] = rng.nextInt(1 << 24);
        BufferedImage noise = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) noise.setRGB(x, y, colours[rng.nextInt(colours.length)]);
        BufferedImage flat = GifTest.solid(w, h, colours[7]);
        BufferedImage onePixel = GifTest.solid(w, h, colours[7]);
        onePixel.setRGB(w - 1, h - 1, colours[8]);
        BufferedImage half = GifTest.solid(w, h, colours[9]);
        for (int y = h / 2; y < h; y++) for (int x = 0; x < w; x++) half.setRGB(x, y, colours[rng.nextInt(colours.length)]);
        assertExact(List.of(noise, flat, flat, onePixel, half, noise));
    }

    @Test
    void unchangedPixelsStoredAsTheirOwnColourDecodeExactly() throws IOException {
        // Stripes moving a pixel a frame, as a floor under a moving camera: only each stripe's edge changes, and the
        // stripes between are cheaper stored as their colour than transparent. Such picks are in the file, and the
        // frames still decode to exactly what was added.
        int w = 96, h = 40;
        List<BufferedImage> frames = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, ((x + f) / 7) % 2 == 0 ? 0x203858 : 0x385890);
            for (int y = 10; y < 20; y++) for (int x = 30 + 3 * f; x < 40 + 3 * f; x++) img.setRGB(x, y, 0xD08040); // a body
            frames.add(img);
        }
        Path gif = assertExact(frames);
        assertTrue(unchangedButStored(gif) > 0, "no unchanged pixel was stored as its colour");
    }

    /** How many pixels of the delta frames are stored opaque although the picture there does not change. */
    private static int unchangedButStored(Path gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            List<int[]> shown = decode(gif);
            int count = 0;
            int w = reader.read(0).getWidth();
            for (int i = 1; i < shown.size(); i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode d = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                int x0 = Integer.parseInt(d.getAttribute("imageLeftPosition")), y0 = Integer.parseInt(d.getAttribute("imageTopPosition"));
                int clear = Integer.parseInt(gce.getAttribute("transparentColorIndex"));
                java.awt.image.Raster part = reader.read(i).getRaster();
                for (int y = 0; y < part.getHeight(); y++) {
                    for (int x = 0; x < part.getWidth(); x++) {
                        int at = (y0 + y) * w + x0 + x;
                        if (part.getSample(x, y, 0) != clear && shown.get(i)[at] == shown.get(i - 1)[at]) count++;
                    }
                }
            }
            return count;
        } finally {
            reader.dispose();
        }
    }

    /** Writes the frames, then checks the file against them pixel by pixel. */
    private Path assertExact(List<BufferedImage> frames) throws IOException {
        Path gif = tmp.resolve("clip-" + frames.size() + ".gif");
        try (GifWriter writer = new GifWriter(gif)) {
            for (BufferedImage f : frames) writer.addFrame(f, 3);
        }
        Palette palette = Palette.fit(frames.get(0)); // what GifWriter fits, from the same first frame
        List<int[]> shown = decode(gif);
        assertEquals(frames.size(), shown.size());
        int w = frames.get(0).getWidth();
        for (int k = 0; k < frames.size(); k++) {
            byte[] idx = palette.indices(frames.get(k));
            for (int i = 0; i < idx.length; i++) {
                int want = palette.rgb(idx[i] & 255), got = shown.get(k)[i] & 0xFFFFFF;
                if (want != got) {
                    assertEquals(Integer.toHexString(want), Integer.toHexString(got), "frame " + k + " pixel " + i % w + "," + i / w);
                }
            }
        }
        return gif;
    }

    /** Every frame as a viewer shows it (ARGB), composing the stored rectangles as their disposal method says. */
    static List<int[]> decode(Path gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            IIOMetadataNode screen = (IIOMetadataNode) reader.getStreamMetadata().getAsTree("javax_imageio_gif_stream_1.0");
            IIOMetadataNode lsd = (IIOMetadataNode) screen.getElementsByTagName("LogicalScreenDescriptor").item(0);
            int w = Integer.parseInt(lsd.getAttribute("logicalScreenWidth")), h = Integer.parseInt(lsd.getAttribute("logicalScreenHeight"));
            BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            List<int[]> out = new ArrayList<>();
            int n = reader.getNumImages(true);
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode d = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                int x0 = Integer.parseInt(d.getAttribute("imageLeftPosition")), y0 = Integer.parseInt(d.getAttribute("imageTopPosition"));
                boolean transparent = gce.getAttribute("transparentColorFlag").equals("TRUE");
                int clear = Integer.parseInt(gce.getAttribute("transparentColorIndex"));
                BufferedImage part = reader.read(i);
                String disposal = gce.getAttribute("disposalMethod");
                // What the next frame starts from: this one kept (none, doNotDispose), cleared or the one before it.
                int[] previous = canvas.getRGB(0, 0, w, h, null, 0, w);
                java.awt.image.Raster raster = part.getRaster();
                java.awt.image.ColorModel cm = part.getColorModel();
                for (int y = 0; y < part.getHeight(); y++) {
                    for (int x = 0; x < part.getWidth(); x++) {
                        int index = raster.getSample(x, y, 0);
                        if (transparent && index == clear) continue;
                        canvas.setRGB(x0 + x, y0 + y, cm.getRGB(index) | 0xFF000000);
                    }
                }
                out.add(canvas.getRGB(0, 0, w, h, null, 0, w));
                switch (disposal) {
                    case "none", "doNotDispose" -> { }
                    case "restoreToBackgroundColor" -> {
                        for (int y = 0; y < part.getHeight(); y++)
                            for (int x = 0; x < part.getWidth(); x++) canvas.setRGB(x0 + x, y0 + y, 0);
                    }
                    case "restoreToPrevious" -> canvas.setRGB(0, 0, w, h, previous, 0, w);
                    default -> throw new AssertionError("disposal " + disposal);
                }
            }
            return out;
        } finally {
            reader.dispose();
        }
    }
}
