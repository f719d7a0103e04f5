package uk.stepup.sandbox;

import java.time.Instant;

/**
 * One breach of Discord's rules by the bot, as Discord would have refused or punished it.
 *
 * @param route the route key, e.g. {@code POST channels/{channel_id}/messages}, or the gateway/interaction it concerns
 * @param rule a short stable rule name, e.g. {@code content-length}, {@code missing-permissions}, {@code interaction-deadline}
 * @param detail a human sentence with the offending values
 * @param at when it happened (real time)
 */
public record Violation(String route, String rule, String detail, Instant at) {
    @Override
    public String toString() {
        return rule + " at " + route + ": " + detail;
    }
}
