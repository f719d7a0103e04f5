package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The set-up every end-to-end scenario shares: a fresh folder for the database, the sandbox and the real bot on a
 * simulated clock ({@link BotHarness}, started on first use), closed when the scenario ends, then a check that the bot
 * broke none of Discord's rules the sandbox enforces; and, around each test, {@link NoErrorLogs}.
 *
 * <p>Registered on a static field, one bot serves the whole class (started by the first {@link #harness()} call,
 * usually in {@code @BeforeAll}); on an instance field, each test gets its own:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EndToEnd e2e = EndToEnd.startingAt(CREATED);
 * }</pre>
 */
final class EndToEnd implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Instant start;
    private final boolean checkRules;
    private final NoErrorLogs noErrorLogs = new NoErrorLogs();
    private boolean perClass;
    private Path dir;
    private BotHarness harness;

    private EndToEnd(Instant start, boolean checkRules) {
        this.start = start;
        this.checkRules = checkRules;
    }

    /** The bot starts with the simulated clock at {@code start}. */
    static EndToEnd startingAt(Instant start) {
        return new EndToEnd(start, true);
    }

    /**
     * Without the closing check on Discord's rules, for scenarios that have always left it out (the fault suites,
     * which provoke the sandbox on purpose, and those written before the check).
     */
    EndToEnd withoutRuleCheck() {
        return new EndToEnd(start, false);
    }

    /** The bot of this scenario, started on first use in a fresh folder. */
    BotHarness harness() {
        if (harness == null) {
            try {
                harness = new BotHarness(dir(), start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while the bot started", e);
            }
        }
        return harness;
    }

    /** This scenario's folder (the bot's database is {@code stepup.db} in it); a second bot goes in a sub-folder. */
    Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("stepup-e2e");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        noErrorLogs.beforeEach(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (!perClass) {
                finish();
            }
        } finally {
            noErrorLogs.afterEach(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        finish();
    }

    private void finish() {
        BotHarness h = harness;
        harness = null;
        try {
            if (h != null) {
                h.close();
                if (checkRules) {
                    assertThat(h.sandbox.violations())
                            .as("Discord rules broken by the bot")
                            .isEmpty();
                }
            }
        } finally {
            deleteDir();
        }
    }

    private void deleteDir() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir = null;
    }
}
