package uk.stepup.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test in which JDA or the bot logged an ERROR: JDA reports parse failures (a payload the sandbox got
 * wrong) only as ERROR logs, and the bot logs unexpected failures the same way.
 */
public final class NoErrorLogs implements BeforeEachCallback, AfterEachCallback {
    private static final List<String> WATCHED = List.of("net.dv8tion", "uk.stepup");
    private final Capture capture = new Capture();

    static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<String> errors = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.ERROR)) {
                errors.add(e.getLoggerName() + ": " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : " (" + e.getThrowableProxy().getClassName() + ": "
                                        + e.getThrowableProxy().getMessage() + ")"));
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        capture.errors.clear();
        capture.start();
        for (String name : WATCHED) {
            ((Logger) LoggerFactory.getLogger(name)).addAppender(capture);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (String name : WATCHED) {
            ((Logger) LoggerFactory.getLogger(name)).detachAppender(capture);
        }
        if (!capture.errors.isEmpty()) {
            throw new AssertionError("ERROR logged during the test:\n" + String.join("\n", capture.errors));
        }
    }
}
