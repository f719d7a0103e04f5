package uk.stepup.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The PNG writer's output decodes, with ImageIO, to exactly the pixels drawn. */
class PngEncoderTest {

    private static BufferedImage random(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(4) == 0 ? 0xFFFFFF : random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static void assertSamePixels(BufferedImage drawn, BufferedImage decoded) {
        assertThat(decoded.getWidth()).isEqualTo(drawn.getWidth());
        assertThat(decoded.getHeight()).isEqualTo(drawn.getHeight());
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                assertThat(Pngs.rgb(decoded, x, y)).as("pixel %d,%d", x, y).isEqualTo(Pngs.rgb(drawn, x, y));
            }
        }
    }

    @Test
    void every_pixel_reads_back_as_drawn() {
        for (int[] size : new int[][] {{1, 1}, {7, 3}, {300, 200}, {1200, 40}}) {
            BufferedImage image = random(size[0], size[1], size[0] * 31L + size[1]);
            byte[] png = PngEncoder.encode(image);
            assertSamePixels(image, Pngs.decode(png));
            ByteBuffer header = ByteBuffer.wrap(png);
            assertThat(header.getInt(16)).isEqualTo(size[0]);
            assertThat(header.getInt(20)).isEqualTo(size[1]);
        }
    }

    @Test
    void a_part_of_a_larger_image_is_written_as_that_part() {
        BufferedImage whole = random(50, 40, 5);
        BufferedImage part = whole.getSubimage(7, 11, 20, 13);
        assertSamePixels(part, Pngs.decode(PngEncoder.encode(part)));
    }

    @Test
    void a_chart_is_about_as_small_as_before() {
        byte[] png = new PngCharts().heatmapPng(ChartData.cohort(60, 24, 3, true));
        BufferedImage decoded = Pngs.decode(png);
        assertThat(decoded.getWidth()).isEqualTo(Sheet.WIDTH);
        // ImageIO's writer made this heatmap 336 kB.
        assertThat(png.length).isLessThan(400_000);
    }

    @Test
    void only_rgb_images_are_written() {
        assertThatThrownBy(() -> PngEncoder.encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
