package uk.stepup.discord;

import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.PermissionException;

/** Discord's refusals, said as what a coach can do about them. */
final class Refusals {
    private Refusals() {}

    /**
     * What a coach can do about a refusal, in Discord's words: JDA's own checks (a permission the bot lacks, a role
     * above the bot's) and Discord's answers (missing permissions, a full server, a channel deleted meanwhile).
     */
    static String explain(Exception e) {
        if (e instanceof HierarchyException) {
            return "a cohort role is above the bot's own role, so the bot cannot give it to anyone. In Server Settings,"
                    + " Roles, drag the bot's role above every role starting \"SUO ·\".";
        }
        if (e instanceof InsufficientPermissionException p) {
            return "the bot's role lacks Discord's \"" + BotPermissions.name(p.getPermission())
                    + "\" permission. Give it"
                    + " to the bot's role in Server Settings, Roles (or invite the bot again with the URL the `invite`"
                    + " command prints).";
        }
        if (e instanceof PermissionException p) {
            return "Discord's permissions stop the bot (" + p.getMessage()
                    + "). Check the bot's role in Server Settings," + " Roles.";
        }
        ErrorResponseException r = (ErrorResponseException) e;
        return switch (r.getErrorResponse()) {
            case MISSING_PERMISSIONS ->
                "Discord says the bot is missing a permission. Its role needs "
                        + BotPermissions.names(BotPermissions.all()) + ", and must sit above the cohort roles (Server"
                        + " Settings, Roles).";
            case MISSING_ACCESS ->
                "the bot cannot see one of the cohort's channels: a channel's permissions were changed"
                        + " by hand. Run `/cohort repair`.";
            case MAX_CHANNELS ->
                "the server has reached Discord's limit of 500 channels. Delete channels you no longer"
                        + " need, or run the cohort on another server.";
            case UNKNOWN_CHANNEL -> "one of the cohort's channels was deleted meanwhile. Run `/cohort repair`.";
            case UNKNOWN_ROLE -> "the cohort's role was deleted meanwhile. Run `/cohort repair`.";
            default -> "Discord refused: " + r.getMeaning() + ".";
        };
    }
}
