package uk.stepup.charts;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a chart as a PNG file: 8-bit RGB, one IDAT chunk, every row unfiltered, deflated at level 3.
 *
 * <p>Why not ImageIO: its PNG writer copies each row out of the image into a new raster, tries every PNG filter on it
 * and computes the chunk checksums in plain Java, which was most of the time the weekly summary took once the
 * database reads were fixed (31 cohorts' summaries due at once drew 62 charts). Charts are large flat areas, so an
 * unfiltered row deflates about as small; this takes roughly a third of the time for files of about the same size.
 */
final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Deflate level: 1 is faster and a fifth larger, 6 a third slower and a fifth smaller, for these images. */
    static final int LEVEL = 3;

    private PngEncoder() {}

    /** The image as PNG bytes. The image must be {@link BufferedImage#TYPE_INT_RGB}, as every {@link Sheet} is. */
    static byte[] encode(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("Only TYPE_INT_RGB images are encoded, not type " + image.getType());
        }
        int width = image.getWidth();
        int height = image.getHeight();
        SinglePixelPackedSampleModel model =
                (SinglePixelPackedSampleModel) image.getRaster().getSampleModel();
        DataBufferInt buffer = (DataBufferInt) image.getRaster().getDataBuffer();
        int[] pixels = buffer.getData();
        int stride = model.getScanlineStride();
        int origin = buffer.getOffset()
                - image.getRaster().getSampleModelTranslateY() * stride
                - image.getRaster().getSampleModelTranslateX();

        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = 2; // colour type: RGB
        // compression, filter method and interlace are all 0
        chunk(out, "IHDR", header, header.length);

        Deflater deflater = new Deflater(LEVEL);
        try {
            ByteArrayOutputStream idat = new ByteArrayOutputStream(64 * 1024);
            byte[] row = new byte[1 + 3 * width]; // row[0] = 0: filter type None
            byte[] chunk = new byte[64 * 1024];
            for (int y = 0; y < height; y++) {
                int p = origin + y * stride;
                for (int x = 0, i = 1; x < width; x++) {
                    int rgb = pixels[p + x];
                    row[i++] = (byte) (rgb >> 16);
                    row[i++] = (byte) (rgb >> 8);
                    row[i++] = (byte) rgb;
                }
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    idat.write(chunk, 0, deflater.deflate(chunk));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                idat.write(chunk, 0, deflater.deflate(chunk));
            }
            chunk(out, "IDAT", idat.toByteArray(), idat.size());
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /** Length, type, data and the CRC of type and data. */
    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] four = new byte[4];
        putInt(four, 0, length);
        out.writeBytes(four);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(name);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        putInt(four, 0, (int) crc.getValue());
        out.writeBytes(four);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
