package ddpg.rl.tensorboard;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/**
 * TensorFlow's TFRecord framing, the container of event files. Each record is
 * <pre>
 *   uint64 length, uint32 masked_crc32c(length bytes), byte[length] data, uint32 masked_crc32c(data)
 * </pre>
 * all little-endian. Records are buffered until {@link #flush}.
 */
final class RecordWriter implements Closeable {
    private final OutputStream out;

    RecordWriter(OutputStream out) {
        this.out = out;
    }

    void write(byte[] data) throws IOException {
        byte[] header = new byte[12];
        putLong(header, 0, data.length);
        putInt(header, 8, maskedCrc32c(header, 0, 8));
        byte[] footer = new byte[4];
        putInt(footer, 0, maskedCrc32c(data, 0, data.length));
        out.write(header);
        out.write(data);
        out.write(footer);
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * CRC32C, rotated and offset as TensorFlow does: a CRC stored next to the bytes it covers would otherwise make
     * CRCs of data that itself contains CRCs degenerate.
     */
    static int maskedCrc32c(byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, off, len);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) b[at + i] = (byte) (v >>> (8 * i));
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (8 * i));
    }
}
