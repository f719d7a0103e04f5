package uk.stepup.summaries;

import java.util.Arrays;
import java.util.Objects;

/** A file ready to save or attach: its name (no folders), media type and bytes. */
public record ExportFile(String fileName, String mediaType, byte[] bytes) {
    public ExportFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportFile f
                && f.fileName.equals(fileName)
                && f.mediaType.equals(mediaType)
                && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return fileName + " (" + bytes.length + " bytes)";
    }
}
