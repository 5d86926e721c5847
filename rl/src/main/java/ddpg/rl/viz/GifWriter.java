package ddpg.rl.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF written frame by frame with the JDK's own GIF encoder (javax.imageio): each frame carries its delay
 * in hundredths of a second, and the NETSCAPE2.0 application extension makes viewers loop it forever. Frames are
 * streamed to a temp file beside the target and renamed into place on {@link #close()}, so an episode of any length
 * never sits in memory and a half-written GIF is never seen. Colour frames are reduced to one 256-colour palette
 * fitted to the first frame ({@link Palette}), written once as the global colour table. After the first frame, each
 * frame stores only the rectangle around the pixels that changed, with unchanged pixels inside it transparent.
 *
 * <pre>
 * try (GifWriter gif = new GifWriter(Path.of("agent.gif"))) {
 *     for (BufferedImage frame : frames) gif.addFrame(frame, 3);   // 3/100 s each
 * }
 * </pre>
 */
public final class GifWriter implements AutoCloseable {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final Path out, tmp;
    private final ImageOutputStream stream;
    private final ImageWriter writer;
    private int frames, width, height;
    private boolean closed;
    private Palette palette; // fitted to the first frame, then shared by all
    private byte[] previous;  // palette indices of the picture shown so far
    /**
     * A pixel whose new colour is within this many levels (of 255, every channel) of the one on screen is left as it
     * is. Slightly lossy, invisible to the eye, and 20-30% smaller files when a tracking camera makes the whole floor
     * shimmer by a few levels (walker-run, random policy, 750 frames at 320x240: 7.7 MB exact, 6.4 MB at 4, 5.4 MB at 8).
     */
    static final int TOLERANCE = 8;

    public GifWriter(Path out) {
        this.out = out;
        this.tmp = ImageFiles.tempBeside(out);
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("gif");
        if (!it.hasNext()) throw new IllegalStateException("this JDK has no GIF encoder");
        writer = it.next();
        try {
            stream = ImageIO.createImageOutputStream(tmp.toFile());
            writer.setOutput(stream);
        } catch (IOException e) {
            ImageFiles.deleteQuietly(tmp);
            throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage());
        }
    }

    /** Appends a frame shown for {@code delayCs} hundredths of a second (1..65535). */
    public void addFrame(BufferedImage image, int delayCs) {
        BufferedImage frame = image;
        if (closed) throw new IllegalStateException("GIF already closed");
        if (delayCs < 1 || delayCs > 65535) throw new IllegalArgumentException("frame delay must be 1..65535 cs, got " + delayCs);
        if (frames > 0 && (frame.getWidth() != width || frame.getHeight() != height)) {
            throw new IllegalArgumentException("frame " + frame.getWidth() + "x" + frame.getHeight()
                    + " differs from the first frame's " + width + "x" + height + "; all frames of a GIF share one size");
        }
        width = frame.getWidth();
        height = frame.getHeight();
        ImageWriteParam param = writer.getDefaultWriteParam();
        try {
            if (palette == null) {
                palette = Palette.fit(frame);
                writer.prepareWriteSequence(streamMetadata(param));
            }
        } catch (IOException e) {
            abort();
            throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage());
        }
        // The JDK encoder takes the transparency flag from the image's colour model, so delta frames need their own.
        frame = palette.map(frame, frames > 0);
        boolean delta = markUnchanged(frame);
        int[] box = delta ? changedBox(frame) : new int[] {0, 0, width, height};
        if (delta) frame = crop(frame, box);
        ImageTypeSpecifier spec = ImageTypeSpecifier.createFromRenderedImage(frame);
        IIOMetadata meta = writer.getDefaultImageMetadata(spec, param);
        try {
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
            IIOMetadataNode local = child(root, "LocalColorTable");
            root.removeChild(local); // every frame uses the global table
            IIOMetadataNode descriptor = child(root, "ImageDescriptor");
            descriptor.setAttribute("imageLeftPosition", Integer.toString(box[0]));
            descriptor.setAttribute("imageTopPosition", Integer.toString(box[1]));
            descriptor.setAttribute("imageWidth", Integer.toString(box[2]));
            descriptor.setAttribute("imageHeight", Integer.toString(box[3]));
            IIOMetadataNode gce = child(root, "GraphicControlExtension");
            gce.setAttribute("disposalMethod", "doNotDispose"); // keep it: the next frame only paints what changed
            gce.setAttribute("userInputFlag", "FALSE");
            gce.setAttribute("transparentColorFlag", delta ? "TRUE" : "FALSE");
            gce.setAttribute("delayTime", Integer.toString(delayCs));
            gce.setAttribute("transparentColorIndex", Integer.toString(Palette.UNCHANGED));
            if (frames == 0) {
                IIOMetadataNode apps = child(root, "ApplicationExtensions");
                IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                app.setAttribute("applicationID", "NETSCAPE");
                app.setAttribute("authenticationCode", "2.0");
                app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0 = forever (little-endian)
                apps.appendChild(app);
            }
            meta.setFromTree(FORMAT, root);
            writer.writeToSequence(new IIOImage(frame, null, meta), param);
            frames++;
        } catch (IOException e) {
            abort();
            throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage());
        }
    }

    public int frameCount() { return frames; }

    /** Finishes the file and moves it into place. A GIF needs at least one frame. */
    @Override
    public void close() {
        if (closed) return;
        if (frames == 0) {
            abort();
            throw new IllegalStateException("no frames were added to " + out + "; nothing written");
        }
        closed = true;
        try {
            writer.endWriteSequence();
            stream.close();
            writer.dispose();
            ImageFiles.moveOver(tmp, out);
        } catch (IOException e) {
            ImageFiles.deleteQuietly(tmp);
            throw new IllegalArgumentException("cannot write " + out + ": " + e.getMessage());
        }
    }

    /** Gives up: closes and deletes the temp file, leaves any existing target untouched. */
    public void abort() {
        closed = true;
        try {
            stream.close();
        } catch (IOException ignored) {
            // the temp file is deleted next anyway
        }
        writer.dispose();
        ImageFiles.deleteQuietly(tmp);
    }

    /**
     * Replaces pixels equal (within {@link #TOLERANCE}) to the picture already on screen with the transparent
     * {@link Palette#UNCHANGED} index:
     * long runs of it compress to almost nothing (the sky behind a tracking camera, all of a fixed camera's background).
     * Returns false for the first frame, which has to be complete.
     */
    private boolean markUnchanged(BufferedImage indexed) {
        byte[] idx = ((java.awt.image.DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        if (previous == null || previous.length != idx.length) {
            previous = idx.clone();
            return false;
        }
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] == previous[i] || palette.close(idx[i] & 255, previous[i] & 255, TOLERANCE)) {
                idx[i] = (byte) Palette.UNCHANGED;
            } else {
                previous[i] = idx[i];
            }
        }
        return true;
    }

    /**
     * {x, y, width, height} of the smallest rectangle holding every changed pixel of a delta frame; a frame where
     * nothing changed still needs one pixel (a transparent one).
     */
    static int[] changedBox(BufferedImage indexed) {
        byte[] idx = ((java.awt.image.DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        int w = indexed.getWidth(), h = indexed.getHeight();
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if ((idx[row + x] & 255) == Palette.UNCHANGED) continue;
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                y1 = y;
            }
        }
        return x1 < 0 ? new int[] {0, 0, 1, 1} : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    /** The {x, y, width, height} part of an indexed image, with the same colour table. */
    private static BufferedImage crop(BufferedImage indexed, int[] box) {
        java.awt.image.IndexColorModel cm = (java.awt.image.IndexColorModel) indexed.getColorModel();
        BufferedImage out = new BufferedImage(box[2], box[3], BufferedImage.TYPE_BYTE_INDEXED, cm);
        byte[] src = ((java.awt.image.DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < box[3]; y++)
            System.arraycopy(src, (box[1] + y) * indexed.getWidth() + box[0], dst, y * box[2], box[2]);
        return out;
    }

    /** Stream header whose global colour table is the palette (the JDK would otherwise write a generic one). */
    private IIOMetadata streamMetadata(ImageWriteParam param) throws IOException {
        String format = "javax_imageio_gif_stream_1.0";
        IIOMetadata meta = writer.getDefaultStreamMetadata(param);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode table = child(root, "GlobalColorTable");
        while (table.hasChildNodes()) table.removeChild(table.getFirstChild());
        table.setAttribute("sizeOfGlobalColorTable", Integer.toString(Palette.SIZE));
        table.setAttribute("backgroundColorIndex", "0");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < Palette.SIZE; i++) {
            int c = palette.rgb(i);
            IIOMetadataNode e = new IIOMetadataNode("ColorTableEntry");
            e.setAttribute("index", Integer.toString(i));
            e.setAttribute("red", Integer.toString((c >> 16) & 255));
            e.setAttribute("green", Integer.toString((c >> 8) & 255));
            e.setAttribute("blue", Integer.toString(c & 255));
            table.appendChild(e);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
