package uk.stepup.sandbox;

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
 * Fails a test if JDA logged an ERROR while it ran: JDA swallows parse failures of gateway payloads as ERROR logs
 * (and then waits 75 s for a guild), so a silent ERROR means the sandbox sent something Discord would not.
 * Use with {@code @RegisterExtension static JdaErrorLog jdaErrors = new JdaErrorLog();}.
 */
public final class JdaErrorLog implements BeforeEachCallback, AfterEachCallback {
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                String thrown = event.getThrowableProxy() == null
                        ? ""
                        : " (" + event.getThrowableProxy().getClassName() + ": "
                                + event.getThrowableProxy().getMessage() + ")";
                errors.add(event.getLoggerName() + ": " + event.getFormattedMessage() + thrown);
            }
        }
    };

    public JdaErrorLog() {
        Logger jda = (Logger) LoggerFactory.getLogger("net.dv8tion");
        appender.setContext(jda.getLoggerContext());
        appender.setName("jda-error-log");
        appender.start();
        jda.addAppender(appender);
    }

    /** Errors logged since the last reset. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        errors.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!errors.isEmpty()) {
            List<String> copy = List.copyOf(errors);
            errors.clear();
            throw new AssertionError("JDA logged " + copy.size() + " ERROR(s):\n  " + String.join("\n  ", copy));
        }
    }
}
