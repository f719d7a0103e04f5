package uk.stepup.discord;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.Permission;

/**
 * The one set of Discord permissions the bot asks for, and no more than it uses. The README's invite list, the
 * {@code invite} verb's OAuth2 URL, the start-up self-check and the sandbox's default bot role all come from here
 * ({@code BotPermissionsTest} fails if any of them drifts). What each permission is for:
 * <ul>
 *   <li>View Channels, Read Message History: see the cohort's channels and find its own earlier posts after a restart;
 *   <li>Manage Channels: create the cohort's category and channels, one private channel per home;
 *   <li>Manage Roles: create the cohort role, give it to managers, and write the channels' permission overwrites
 *       (Discord: an overwrite may only allow or deny what the bot holds itself, so every overwrite the bot writes uses
 *       only permissions of this set, see {@link #grantable});
 *   <li>Send Messages, Embed Links, Attach Files: prompts, reminders, summaries with charts, exports;
 *   <li>Create Public Threads, Send Messages in Threads: the week's discussion thread and the summary's copy in it;
 *   <li>Create Events: a live session's scheduled event (Discord requires Create Events, not Manage Events, to create
 *       one since 23 February 2026: developer docs, change log "Permission Changes Going into Effect February 2026").
 * </ul>
 */
public final class BotPermissions {
    /** Each permission with the name Discord's own screens give it (Server Settings, Roles; the OAuth2 URL generator). */
    private static final Map<Permission, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(Permission.VIEW_CHANNEL, "View Channels");
        NAMES.put(Permission.MANAGE_CHANNEL, "Manage Channels");
        NAMES.put(Permission.MANAGE_ROLES, "Manage Roles");
        NAMES.put(Permission.CREATE_SCHEDULED_EVENTS, "Create Events");
        NAMES.put(Permission.MESSAGE_SEND, "Send Messages");
        NAMES.put(Permission.MESSAGE_SEND_IN_THREADS, "Send Messages in Threads");
        NAMES.put(Permission.CREATE_PUBLIC_THREADS, "Create Public Threads");
        NAMES.put(Permission.MESSAGE_EMBED_LINKS, "Embed Links");
        NAMES.put(Permission.MESSAGE_ATTACH_FILES, "Attach Files");
        NAMES.put(Permission.MESSAGE_HISTORY, "Read Message History");
    }

    /** What the bot needs in every channel of a cohort (through its member overwrite on the cohort's categories). */
    static final Set<Permission> IN_CHANNELS = Set.copyOf(EnumSet.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_ATTACH_FILES,
            Permission.MESSAGE_HISTORY,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.CREATE_PUBLIC_THREADS));

    private BotPermissions() {}

    /** The set, in the order the README lists it. */
    public static Set<Permission> all() {
        return EnumSet.copyOf(NAMES.keySet());
    }

    /** The permission integer of the OAuth2 URL. */
    public static long raw() {
        return Permission.getRaw(NAMES.keySet());
    }

    /** Discord's names for the set, in the README's order. */
    public static List<String> names() {
        return List.copyOf(NAMES.values());
    }

    /** Discord's name for one permission (for those outside the set too, e.g. in a self-check message). */
    public static String name(Permission p) {
        String n = NAMES.get(p);
        return n != null ? n : p == Permission.MANAGE_PERMISSIONS ? "Manage Roles" : p.getName();
    }

    /** Discord's names of some permissions, in the set's order, joined for a sentence. */
    public static String names(Collection<Permission> missing) {
        return String.join(
                ", ", missing.stream().map(BotPermissions::name).distinct().toList());
    }

    /** True if an overwrite may allow or deny {@code bits}: only what the set holds (Discord refuses anything else). */
    static boolean grantable(Collection<Permission> bits) {
        return NAMES.keySet().containsAll(bits);
    }

    /** The URL an admin opens to add the bot to a server with exactly this set. */
    public static String inviteUrl(String clientId) {
        return "https://discord.com/oauth2/authorize?client_id=" + clientId + "&scope=bot+applications.commands"
                + "&permissions=" + raw();
    }
}
