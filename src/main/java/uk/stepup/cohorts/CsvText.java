package uk.stepup.cohorts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An uploaded CSV file's bytes as text, the same way for every import. UTF-8 is expected (Excel's "CSV UTF-8"); a
 * UTF-8 byte order mark is dropped. A file that starts with a UTF-16 byte order mark (Excel's "Unicode Text") is read
 * as UTF-16, so it gets the same line-by-line answer as any other file instead of being taken for a binary one.
 * Bytes that are not valid UTF-8 become U+FFFD, which the readers report on their line ("characters that could not
 * be read"): a guess at another encoding could store names wrongly without anyone noticing.
 */
public final class CsvText {
    private CsvText() {}

    public static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(Arrays.copyOfRange(bytes, 2, bytes.length), StandardCharsets.UTF_16BE);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
