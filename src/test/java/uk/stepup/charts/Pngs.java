package uk.stepup.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Reading back the PNGs the charts make. */
final class Pngs {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Pngs() {}

    static BufferedImage decode(byte[] png) {
        assertThat(png).startsWith(SIGNATURE);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image).as("ImageIO decodes it").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a test can say of a chart without a person looking: it is a PNG that decodes, is at least {@code minWidth}
     * wide, and is not blank (a chart with only its "no data yet" sentence passes: anti-aliased text has many greys).
     */
    static BufferedImage assertDrawn(String name, byte[] png, int minWidth) {
        BufferedImage image = decode(png);
        assertThat(image.getWidth()).as(name + " width").isGreaterThanOrEqualTo(minWidth);
        assertThat(image.getHeight()).as(name + " height").isGreaterThanOrEqualTo(100);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(rgb(image, x, y));
            }
        }
        assertThat(colours.size()).as(name + " is drawn on").isGreaterThan(8);
        return image;
    }

    static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    static int rgb(Color colour) {
        return colour.getRGB() & 0xFFFFFF;
    }

    /** A neutral grey from the hatched "no check-in" fill (the background, the hatching, or between). */
    static boolean noCheckinGrey(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return r == g && g == b && r >= 0xD0 && r <= 0xEE;
    }

    /** How many pixels of the area have exactly this colour. */
    static int count(BufferedImage image, Rectangle area, int rgb) {
        int n = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                if (rgb(image, x, y) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    static int count(BufferedImage image, int rgb) {
        return count(image, new Rectangle(0, 0, image.getWidth(), image.getHeight()), rgb);
    }

    /** Pixels darker than mid-grey: text has been drawn. */
    static int dark(BufferedImage image, Rectangle area) {
        int n = 0;
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                int c = rgb(image, x, y);
                if ((c >> 16 & 0xFF) + (c >> 8 & 0xFF) + (c & 0xFF) < 3 * 0x80) {
                    n++;
                }
            }
        }
        return n;
    }
}
