package io.mlpipe.sagemaker.common;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code model.tar.gz} SageMaker writes and reads: a gzip'd POSIX (ustar) tar. Enough of the format for
 * model artifacts: regular files, long names (GNU and pax headers are read past), no links.
 */
public final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {
    }

    /** Writes the files (name to content) as one tar.gz, each with the given modification time (epoch seconds). */
    public static void write(Map<String, byte[]> files, long mtimeEpochSeconds, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            gzip.write(header(file.getKey(), file.getValue().length, mtimeEpochSeconds));
            gzip.write(file.getValue());
            gzip.write(new byte[padding(file.getValue().length)]);
        }
        gzip.write(new byte[BLOCK * 2]); // end of archive
        gzip.finish();
    }

    /** Every regular file in the archive, by name (without a leading {@code ./}). */
    public static Map<String, byte[]> read(InputStream in) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        InputStream tar = new GZIPInputStream(in);
        String longName = null;
        while (true) {
            byte[] header = tar.readNBytes(BLOCK);
            if (header.length < BLOCK || isZero(header)) {
                return files;
            }
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = octal(header, 124, 12);
            byte type = header[156];
            byte[] content = readFully(tar, size);
            tar.skipNBytes(padding(size));
            if (type == 'L') {
                longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
            } else if (type == '0' || type == 0) {
                String path = longName != null ? longName : name;
                files.put(path.startsWith("./") ? path.substring(2) : path, content);
                longName = null;
            } else if (type != 'x' && type != 'g') {
                longName = null; // folders and links carry nothing a model needs
            }
        }
    }

    private static byte[] header(String name, long size, long mtime) {
        byte[] h = new byte[BLOCK];
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        if (nameBytes.length > 100) {
            throw new IllegalArgumentException("name longer than 100 bytes: " + name);
        }
        System.arraycopy(nameBytes, 0, h, 0, nameBytes.length);
        put(h, 100, String.format("%07o", 0644));
        put(h, 108, String.format("%07o", 0));
        put(h, 116, String.format("%07o", 0));
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", mtime));
        h[156] = '0';
        put(h, 257, "ustar");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' '; // the checksum is computed with its own field as spaces
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int offset, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }

    private static String text(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) {
            end++;
        }
        return new String(h, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int offset, int length) {
        String s = text(h, offset, length).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static byte[] readFully(InputStream in, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
        long left = size;
        byte[] buf = new byte[8192];
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                throw new EOFException("truncated tar entry");
            }
            out.write(buf, 0, n);
            left -= n;
        }
        return out.toByteArray();
    }

    private static int padding(long size) {
        return (int) ((BLOCK - size % BLOCK) % BLOCK);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
