package uk.stepup.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The process's peak resident memory so far, where the operating system says (Linux's {@code VmHWM}). */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {}

    /** Peak resident set size in kB, or empty where {@code /proc} is not available. */
    static Optional<Long> read() {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            return parse(lines);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> parse(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmHWM:")) {
                String digits =
                        line.substring("VmHWM:".length()).replace("kB", "").trim();
                try {
                    return Optional.of(Long.parseLong(digits));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
