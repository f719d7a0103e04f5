package uk.stepup.discord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * JDA logs two of Discord's own conditions at ERROR although it handles both by waiting: a global rate limit (a 429
 * with {@code X-RateLimit-Global}) and a Cloudflare limit (a 429 without {@code Via}). Nothing is lost; JDA sends
 * each request again after {@code Retry-After}. An operator should see them, as the warnings they are, so this
 * reports them at WARN with JDA's own logger and message. Everything else JDA logs is left as it is.
 */
final class JdaLogLevels extends TurboFilter {
    static final String RATE_LIMITER = "net.dv8tion.jda.api.requests.RestRateLimiter";

    /** Installs the filter once, if logging goes to Logback (the bot's own logging). */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(f -> f instanceof JdaLogLevels)) {
            JdaLogLevels filter = new JdaLogLevels();
            filter.setName("jda-log-levels");
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || format == null || !RATE_LIMITER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        if (format.startsWith("Encountered global rate limit!")
                || format.startsWith("Encountered cloudflare rate limit!")) {
            logger.warn(marker, format, params == null ? new Object[0] : params);
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
