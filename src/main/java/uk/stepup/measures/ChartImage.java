package uk.stepup.measures;

import java.util.Objects;

/** A rendered chart to attach to a message: a file name ending in {@code .png} and the image's bytes. */
public record ChartImage(String filename, byte[] png) {
    public ChartImage {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(png, "png");
    }
}
