package uk.stepup.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Discord permission bits (API v10) and the sandbox's defaults. Combine with {@code |}. */
public final class Permissions {
    public static final long CREATE_INSTANT_INVITE = 1L << 0;
    public static final long KICK_MEMBERS = 1L << 1;
    public static final long BAN_MEMBERS = 1L << 2;
    public static final long ADMINISTRATOR = 1L << 3;
    public static final long MANAGE_CHANNELS = 1L << 4;
    public static final long MANAGE_GUILD = 1L << 5;
    public static final long ADD_REACTIONS = 1L << 6;
    public static final long VIEW_AUDIT_LOG = 1L << 7;
    public static final long STREAM = 1L << 9;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long SEND_TTS_MESSAGES = 1L << 12;
    public static final long MANAGE_MESSAGES = 1L << 13;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long ATTACH_FILES = 1L << 15;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long MENTION_EVERYONE = 1L << 17;
    public static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    public static final long CONNECT = 1L << 20;
    public static final long SPEAK = 1L << 21;
    public static final long USE_VAD = 1L << 25;
    public static final long CHANGE_NICKNAME = 1L << 26;
    public static final long MANAGE_NICKNAMES = 1L << 27;
    public static final long MANAGE_ROLES = 1L << 28;
    public static final long MANAGE_WEBHOOKS = 1L << 29;
    public static final long USE_APPLICATION_COMMANDS = 1L << 31;
    public static final long REQUEST_TO_SPEAK = 1L << 32;
    public static final long MANAGE_EVENTS = 1L << 33;
    public static final long MANAGE_THREADS = 1L << 34;
    public static final long CREATE_PUBLIC_THREADS = 1L << 35;
    public static final long CREATE_PRIVATE_THREADS = 1L << 36;
    public static final long USE_EXTERNAL_STICKERS = 1L << 37;
    public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    public static final long USE_EMBEDDED_ACTIVITIES = 1L << 39;
    public static final long MODERATE_MEMBERS = 1L << 40;
    public static final long USE_SOUNDBOARD = 1L << 42;
    public static final long CREATE_EVENTS = 1L << 44;
    public static final long USE_EXTERNAL_SOUNDS = 1L << 45;
    public static final long SEND_VOICE_MESSAGES = 1L << 46;
    public static final long SEND_POLLS = 1L << 49;
    public static final long USE_EXTERNAL_APPS = 1L << 50;
    public static final long PIN_MESSAGES = 1L << 51;

    /** Every bit Discord defines today (what an administrator or the owner effectively has). */
    public static final long ALL = (1L << 52) - 1;

    /**
     * What a new server's {@code @everyone} role holds. Discord's developer docs do not publish this set; it is what the
     * client gives a new server, as documented by discord.js ({@code PermissionsBitField.Default}, 104324673) plus the
     * member-level permissions Discord turned on for {@code @everyone} as it introduced them (application commands,
     * threads, stickers, activities, soundboard, voice messages, polls, external apps). It leaves out Create Events and
     * Create Expressions: whether a new server's {@code @everyone} holds them is not documented, and without them the
     * bot must hold every permission it uses through its own role, as the README asks (the stricter reading). It keeps
     * Mention Everyone, which new servers do give everyone: a bot that forgot to limit its mentions would ping the server.
     */
    public static final long EVERYONE_DEFAULT = CREATE_INSTANT_INVITE
            | ADD_REACTIONS
            | STREAM
            | VIEW_CHANNEL
            | SEND_MESSAGES
            | EMBED_LINKS
            | ATTACH_FILES
            | READ_MESSAGE_HISTORY
            | MENTION_EVERYONE
            | USE_EXTERNAL_EMOJIS
            | CONNECT
            | SPEAK
            | USE_VAD
            | CHANGE_NICKNAME
            | USE_APPLICATION_COMMANDS
            | REQUEST_TO_SPEAK
            | CREATE_PUBLIC_THREADS
            | CREATE_PRIVATE_THREADS
            | USE_EXTERNAL_STICKERS
            | SEND_MESSAGES_IN_THREADS
            | USE_EMBEDDED_ACTIVITIES
            | USE_SOUNDBOARD
            | USE_EXTERNAL_SOUNDS
            | SEND_VOICE_MESSAGES
            | SEND_POLLS
            | USE_EXTERNAL_APPS;

    /**
     * The bot's role in a new sandbox server: exactly the permissions the README's invite asks for (the bot's
     * {@code BotPermissions}; the sandbox imports no bot package, so a test pins the two equal). Administrator off.
     */
    public static final long BOT_DEFAULT = VIEW_CHANNEL
            | MANAGE_CHANNELS
            | MANAGE_ROLES
            | CREATE_EVENTS
            | SEND_MESSAGES
            | SEND_MESSAGES_IN_THREADS
            | CREATE_PUBLIC_THREADS
            | EMBED_LINKS
            | ATTACH_FILES
            | READ_MESSAGE_HISTORY;

    private static final Map<Long, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(CREATE_INSTANT_INVITE, "CREATE_INSTANT_INVITE");
        NAMES.put(KICK_MEMBERS, "KICK_MEMBERS");
        NAMES.put(BAN_MEMBERS, "BAN_MEMBERS");
        NAMES.put(ADMINISTRATOR, "ADMINISTRATOR");
        NAMES.put(MANAGE_CHANNELS, "MANAGE_CHANNELS");
        NAMES.put(MANAGE_GUILD, "MANAGE_GUILD");
        NAMES.put(ADD_REACTIONS, "ADD_REACTIONS");
        NAMES.put(VIEW_AUDIT_LOG, "VIEW_AUDIT_LOG");
        NAMES.put(VIEW_CHANNEL, "VIEW_CHANNEL");
        NAMES.put(SEND_MESSAGES, "SEND_MESSAGES");
        NAMES.put(SEND_TTS_MESSAGES, "SEND_TTS_MESSAGES");
        NAMES.put(MANAGE_MESSAGES, "MANAGE_MESSAGES");
        NAMES.put(EMBED_LINKS, "EMBED_LINKS");
        NAMES.put(ATTACH_FILES, "ATTACH_FILES");
        NAMES.put(READ_MESSAGE_HISTORY, "READ_MESSAGE_HISTORY");
        NAMES.put(MENTION_EVERYONE, "MENTION_EVERYONE");
        NAMES.put(USE_EXTERNAL_EMOJIS, "USE_EXTERNAL_EMOJIS");
        NAMES.put(CONNECT, "CONNECT");
        NAMES.put(SPEAK, "SPEAK");
        NAMES.put(CHANGE_NICKNAME, "CHANGE_NICKNAME");
        NAMES.put(MANAGE_NICKNAMES, "MANAGE_NICKNAMES");
        NAMES.put(MANAGE_ROLES, "MANAGE_ROLES");
        NAMES.put(MANAGE_WEBHOOKS, "MANAGE_WEBHOOKS");
        NAMES.put(USE_APPLICATION_COMMANDS, "USE_APPLICATION_COMMANDS");
        NAMES.put(MANAGE_EVENTS, "MANAGE_EVENTS");
        NAMES.put(MANAGE_THREADS, "MANAGE_THREADS");
        NAMES.put(CREATE_PUBLIC_THREADS, "CREATE_PUBLIC_THREADS");
        NAMES.put(CREATE_PRIVATE_THREADS, "CREATE_PRIVATE_THREADS");
        NAMES.put(SEND_MESSAGES_IN_THREADS, "SEND_MESSAGES_IN_THREADS");
        NAMES.put(MODERATE_MEMBERS, "MODERATE_MEMBERS");
        NAMES.put(CREATE_EVENTS, "CREATE_EVENTS");
        NAMES.put(SEND_POLLS, "SEND_POLLS");
        NAMES.put(PIN_MESSAGES, "PIN_MESSAGES");
        NAMES.put(USE_EXTERNAL_APPS, "USE_EXTERNAL_APPS");
        NAMES.put(SEND_VOICE_MESSAGES, "SEND_VOICE_MESSAGES");
        NAMES.put(USE_EXTERNAL_SOUNDS, "USE_EXTERNAL_SOUNDS");
        NAMES.put(USE_SOUNDBOARD, "USE_SOUNDBOARD");
        NAMES.put(USE_EMBEDDED_ACTIVITIES, "USE_EMBEDDED_ACTIVITIES");
        NAMES.put(USE_EXTERNAL_STICKERS, "USE_EXTERNAL_STICKERS");
        NAMES.put(REQUEST_TO_SPEAK, "REQUEST_TO_SPEAK");
        NAMES.put(USE_VAD, "USE_VAD");
        NAMES.put(STREAM, "STREAM");
    }

    private Permissions() {}

    /** Combines bits: {@code Permissions.of(VIEW_CHANNEL, SEND_MESSAGES)}. */
    public static long of(long... bits) {
        long all = 0;
        for (long b : bits) {
            all |= b;
        }
        return all;
    }

    /** Readable names of the set bits, e.g. {@code [VIEW_CHANNEL, SEND_MESSAGES]}. */
    public static List<String> names(long bits) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 63; i++) {
            long bit = 1L << i;
            if ((bits & bit) != 0) {
                out.add(NAMES.getOrDefault(bit, "BIT_" + i));
            }
        }
        return out;
    }
}
