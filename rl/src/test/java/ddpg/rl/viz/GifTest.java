package ddpg.rl.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GifTest {
    @TempDir Path tmp;

    /** Frame count, size, per-frame delays and the NETSCAPE loop count, read back with the JDK's GIF reader. */
    record GifInfo(int frames, int width, int height, List<Integer> delays, Integer loopCount) {}

    static GifInfo read(Path gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<Integer> delays = new ArrayList<>();
            Integer loop = null;
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                for (int c = 0; c < root.getLength(); c++) {
                    IIOMetadataNode node = (IIOMetadataNode) root.item(c);
                    if (node.getNodeName().equals("GraphicControlExtension")) {
                        delays.add(Integer.parseInt(node.getAttribute("delayTime")));
                    }
                    if (node.getNodeName().equals("ApplicationExtensions")) {
                        IIOMetadataNode app = (IIOMetadataNode) node.getFirstChild();
                        if ("NETSCAPE".equals(app.getAttribute("applicationID"))) {
                            byte[] b = (byte[]) app.getUserObject();
                            loop = (b[1] & 255) | (b[2] & 255) << 8;
                        }
                    }
                }
            }
            BufferedImage first = reader.read(0);
            return new GifInfo(n, first.getWidth(), first.getHeight(), delays, loop);
        } finally {
            reader.dispose();
        }
    }

    static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, rgb);
        return img;
    }

    @Test
    void gifHasTheFramesSizeDelaysAndLoopFlag() throws IOException {
        Path out = tmp.resolve("a.gif");
        try (GifWriter gif = new GifWriter(out)) {
            for (int i = 0; i < 7; i++) gif.addFrame(solid(40, 30, i * 0x202020), 3 + i % 2);
        }
        GifInfo info = read(out);
        assertEquals(7, info.frames());
        assertEquals(40, info.width());
        assertEquals(30, info.height());
        assertEquals(List.of(3, 4, 3, 4, 3, 4, 3), info.delays());
        assertEquals(0, info.loopCount(), "NETSCAPE2.0 loop count 0 = loop forever");
        BufferedImage f = ImageIO.read(out.toFile());
        assertTrue((f.getRGB(5, 5) & 0xFCFCFC) == 0, "first frame is black (within the 6-bit palette step)");
    }

    @Test
    void deltaFramesStoreOnlyTheChangedRectangle() throws IOException {
        // Frame 1: two grey halves. Frame 2: the same left half, the right half much lighter. Frame 3: a slightly
        // lighter left half, which is a change too: nothing is dropped.
        BufferedImage a = solid(40, 20, 0x606060), b = solid(40, 20, 0x606060), c = solid(40, 20, 0x686868);
        for (int y = 0; y < 20; y++) for (int x = 20; x < 40; x++) b.setRGB(x, y, 0xC0C0C0);
        for (int y = 0; y < 20; y++) for (int x = 20; x < 40; x++) c.setRGB(x, y, 0xC0C0C0);
        Path out = tmp.resolve("delta.gif");
        try (GifWriter gif = new GifWriter(out)) {
            gif.addFrame(a, 10);
            gif.addFrame(b, 10);
            gif.addFrame(c, 10);
        }
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            reader.setInput(in);
            assertEquals(20, reader.read(1).getWidth(), "only the changed rectangle (the right half) is stored");
            assertEquals("20", descriptor(reader, 1).getAttribute("imageLeftPosition"));
            assertEquals(20, reader.read(2).getWidth(), "then the left half");
            assertEquals("0", descriptor(reader, 2).getAttribute("imageLeftPosition"));
        } finally {
            reader.dispose();
        }
        List<BufferedImage> shown = composite(out);
        assertEquals(0x60, PlotTest.red(shown.get(1).getRGB(5, 5)), 4, "left half: frame 1 stays on screen");
        // A colour the first frame lacks gets the nearest palette entry, here a grey of the ramp (17 levels apart).
        assertEquals(0xC0, PlotTest.red(shown.get(1).getRGB(30, 5)), 8, "right half repainted");
        assertEquals(0x68, PlotTest.red(shown.get(2).getRGB(5, 5)), 4, "a change of 8 levels is shown too");
    }

    private static IIOMetadataNode descriptor(ImageReader reader, int i) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
        for (int c = 0; c < root.getLength(); c++)
            if (root.item(c).getNodeName().equals("ImageDescriptor")) return (IIOMetadataNode) root.item(c);
        throw new AssertionError("no ImageDescriptor");
    }

    /** What a viewer shows: every frame drawn at its position over the ones before (disposal "do not dispose"). */
    static List<BufferedImage> composite(Path gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            BufferedImage first = reader.read(0);
            BufferedImage canvas = new BufferedImage(first.getWidth(), first.getHeight(), BufferedImage.TYPE_INT_ARGB);
            List<BufferedImage> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                IIOMetadataNode d = descriptor(reader, i);
                java.awt.Graphics2D g = canvas.createGraphics();
                g.drawImage(reader.read(i), Integer.parseInt(d.getAttribute("imageLeftPosition")),
                        Integer.parseInt(d.getAttribute("imageTopPosition")), null);
                g.dispose();
                BufferedImage copy = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_INT_ARGB);
                copy.getGraphics().drawImage(canvas, 0, 0, null);
                out.add(copy);
            }
            return out;
        } finally {
            reader.dispose();
        }
    }

    @Test
    void aViewerSeesEveryFrameAsRenderedAndTheFileOnlyHoldsWhatChanged() throws IOException {
        // A small square moving over a fixed background: each delta frame stores only the square's old and new place.
        List<BufferedImage> frames = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            BufferedImage f = solid(120, 80, 0x204060);
            for (int y = 30; y < 40; y++) for (int x = 10 + 12 * k; x < 20 + 12 * k; x++) f.setRGB(x, y, 0xF0E020);
            frames.add(f);
        }
        Path out = tmp.resolve("moving.gif");
        try (GifWriter gif = new GifWriter(out)) {
            for (BufferedImage f : frames) gif.addFrame(f, 5);
        }
        List<BufferedImage> shown = composite(out);
        for (int k = 0; k < frames.size(); k++)
            for (int y = 0; y < 80; y += 3)
                for (int x = 0; x < 120; x += 3)
                    assertEquals(PlotTest.red(frames.get(k).getRGB(x, y)), PlotTest.red(shown.get(k).getRGB(x, y)), 6, "frame " + k + " at " + x + "," + y);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            reader.setInput(in);
            BufferedImage third = reader.read(2);
            assertEquals(22, third.getWidth(), "old and new place of the square, side by side");
            assertEquals(10, third.getHeight());
        } finally {
            reader.dispose();
        }
    }

    @Test
    void recorderSubsamplesAnEpisodeToAbout30FpsInRealTime() throws IOException {
        // Walker: 0.025 s per control step, 1000 steps = 25 s. At 30 fps: 750 frames whose delays add up to 25 s.
        Path out = tmp.resolve("walk.gif");
        BufferedImage frame = solid(32, 24, 0x336699);
        int steps = 1000;
        double dt = 0.025;
        try (GifRecorder rec = new GifRecorder(out, 30)) {
            for (int s = 0; s < steps; s++) {
                double t = s * dt;
                if (rec.due(t)) {
                    FrameOverlay.caption(frame, FrameOverlay.returnSoFar(s * 0.5), "walker-run");
                    rec.add(frame);
                }
            }
        }
        GifInfo info = read(out);
        assertEquals(750, info.frames(), "25 s at 30 fps");
        // 750 slots of 1/30 s: exactly 25 s.
        assertEquals(2500, info.delays().stream().mapToInt(Integer::intValue).sum(), "plays in real time");
        assertTrue(info.delays().stream().allMatch(d -> d == 3 || d == 4), "delays 3 or 4 cs: " + info.delays());
        assertEquals(0, info.loopCount());
    }

    @Test
    void frameClockTakesEveryStepWhenStepsAreSlowerThanTheFrameRate() {
        FrameClock c = new FrameClock(30);
        int taken = 0;
        for (int s = 0; s < 100; s++) if (c.due(s * 0.05)) taken++; // 20 Hz control: all 100 steps
        assertEquals(100, taken);
        FrameClock fast = new FrameClock(30);
        int n = 0;
        for (int s = 0; s < 1000; s++) if (fast.due(s * 0.01)) n++; // 100 Hz (cheetah): 10 s -> 300 frames
        assertEquals(300, n);
    }

    @Test
    void severalEpisodesContinueTheClock() throws IOException {
        Path out = tmp.resolve("two.gif");
        try (GifRecorder rec = new GifRecorder(out, 25)) {
            for (int ep = 0; ep < 2; ep++) {
                for (int s = 0; s < 50; s++) if (rec.due(s * 0.02)) rec.add(solid(16, 16, ep * 0xFF));
                rec.nextEpisode();
            }
        }
        GifInfo info = read(out);
        assertEquals(50, info.frames(), "2 x 1 s at 25 fps");
        assertEquals(List.of(4), info.delays().stream().distinct().toList());
    }

    @Test
    void captionIsDrawnInTheCorner() {
        BufferedImage img = solid(320, 240, 0x808080);
        FrameOverlay.caption(img, FrameOverlay.returnSoFar(123.45), null);
        int changed = 0;
        for (int y = 0; y < 30; y++) for (int x = 0; x < 120; x++) if (img.getRGB(x, y) != 0xFF808080) changed++;
        assertTrue(changed > 300, "text and its backdrop in the top-left corner: " + changed);
        assertEquals(0xFF808080, img.getRGB(300, 200), "rest untouched");
        assertEquals("return 123.5", FrameOverlay.returnSoFar(123.45));
    }

    @Test
    void badUsesAreClearErrorsAndLeaveNoFile() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> new GifWriter(tmp.resolve("missing/dir/x.gif")));
        Path out = tmp.resolve("x.gif");
        GifWriter gif = new GifWriter(out);
        assertThrows(IllegalArgumentException.class, () -> gif.addFrame(solid(4, 4, 0), 0));
        IllegalStateException e = assertThrows(IllegalStateException.class, gif::close);
        assertTrue(e.getMessage().contains("no frames"));
        assertFalse(Files.exists(out));
        try (var files = Files.list(tmp)) {
            assertArrayEquals(new Object[0], files.toArray(), "temp file removed");
        }
        assertThrows(IllegalArgumentException.class, () -> new FrameClock(0));
    }
}
