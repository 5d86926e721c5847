package ddpg.physics.validate;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Opens the text of an mjref CSV file that may be gzip-compressed ({@code episode_0.csv.gz}; the shipped task episodes
 * are). The gzip magic bytes decide, not the file name, so a renamed file still reads.
 */
final class CsvText {
    private static final int BUFFER = 1 << 16;

    private CsvText() {}

    /** A reader over {@code in}'s text, decompressed if {@code in} starts with the gzip magic bytes 1f 8b. */
    static BufferedReader reader(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, BUFFER);
        b.mark(2);
        boolean gzip = b.read() == 0x1f && b.read() == 0x8b;
        b.reset();
        InputStream text = gzip ? new GZIPInputStream(b, BUFFER) : b;
        return new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), BUFFER);
    }
}
