package ddpg.rl.viz;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * GIF's LZW compression of 8-bit palette indices, as the GIF89a specification lays it out: codes start 9 bits wide
 * (256 colours, a clear code, an end code), grow by a bit when the next free code no longer fits, stop growing at 12
 * bits, and the table starts afresh with a clear code once all 4096 codes are taken. Codes are packed least significant
 * bit first into sub-blocks of at most 255 bytes. Strings are found by their (prefix code, next index) pair in an
 * open-addressing hash table, so a frame costs one or two probes per pixel.
 */
final class GifLzw {
    private static final int MIN_CODE_SIZE = 8, CLEAR = 1 << MIN_CODE_SIZE, END = CLEAR + 1, MAX_CODES = 1 << 12;
    private static final int SLOTS = 2 * MAX_CODES; // at most half full: probes stay short
    private final int[] keys = new int[SLOTS], codes = new int[SLOTS]; // key = (prefix << 8 | index) + 1; 0 = empty
    private final byte[] block = new byte[255];
    private OutputStream out;
    private int blockLength, bitBuffer, bitCount, codeSize, nextCode;

    /** Writes {@code pixels[0, count)} as one image's data: the minimum code size, the sub-blocks, the terminator. */
    void write(OutputStream out, byte[] pixels, int count) throws IOException {
        if (count < 1) throw new IllegalArgumentException("an image needs at least one pixel");
        this.out = out;
        blockLength = bitBuffer = bitCount = 0;
        out.write(MIN_CODE_SIZE);
        startTable();
        emit(CLEAR);
        int prefix = pixels[0] & 255;
        for (int i = 1; i < count; i++) {
            int index = pixels[i] & 255;
            int key = (prefix << 8 | index) + 1, slot = slot(key);
            if (keys[slot] == key) {
                prefix = codes[slot];
                continue;
            }
            emit(prefix);
            if (nextCode < MAX_CODES) {
                // The decoder adds this code one step later and widens right after, so the width grows before adding.
                if (nextCode == 1 << codeSize) codeSize++;
                keys[slot] = key;
                codes[slot] = nextCode++;
            } else {
                emit(CLEAR);
                startTable();
            }
            prefix = index;
        }
        emit(prefix);
        emit(END);
        if (bitCount > 0) writeByte(bitBuffer & 255);
        flushBlock();
        out.write(0);
    }

    private void startTable() {
        Arrays.fill(keys, 0);
        codeSize = MIN_CODE_SIZE + 1;
        nextCode = END + 1;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slot(int key) {
        int s = (key * 0x9E3779B1) >>> 19; // 13 bits: SLOTS
        while (keys[s] != 0 && keys[s] != key) s = (s + 1) & (SLOTS - 1);
        return s;
    }

    private void emit(int code) throws IOException {
        bitBuffer |= code << bitCount;
        bitCount += codeSize;
        while (bitCount >= 8) {
            writeByte(bitBuffer & 255);
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
    }

    private void writeByte(int b) throws IOException {
        block[blockLength++] = (byte) b;
        if (blockLength == block.length) flushBlock();
    }

    private void flushBlock() throws IOException {
        if (blockLength == 0) return;
        out.write(blockLength);
        out.write(block, 0, blockLength);
        blockLength = 0;
    }
}
