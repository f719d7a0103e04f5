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
  public static final long CHANGE_NICKNAME = 1L << 26;
  public static final long MANAGE_NICKNAMES = 1L << 27;
  public static final long MANAGE_ROLES = 1L << 28;
  public static final long MANAGE_WEBHOOKS = 1L << 29;
  public static final long USE_APPLICATION_COMMANDS = 1L << 31;
  public static final long MANAGE_EVENTS = 1L << 33;
  public static final long MANAGE_THREADS = 1L << 34;
  public static final long CREATE_PUBLIC_THREADS = 1L << 35;
  public static final long CREATE_PRIVATE_THREADS = 1L << 36;
  public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
  public static final long MODERATE_MEMBERS = 1L << 40;
  public static final long CREATE_EVENTS = 1L << 44;
  public static final long SEND_POLLS = 1L << 49;
  public static final long PIN_MESSAGES = 1L << 51;

  /** Every bit Discord defines today (what an administrator or the owner effectively has). */
  public static final long ALL = (1L << 52) - 1;

  /** What a new guild's {@code @everyone} role has on Discord. */
  public static final long EVERYONE_DEFAULT =
      CREATE_INSTANT_INVITE | ADD_REACTIONS | VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES
          | READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS | CONNECT | SPEAK | CHANGE_NICKNAME
          | USE_APPLICATION_COMMANDS | CREATE_PUBLIC_THREADS | CREATE_PRIVATE_THREADS
          | SEND_MESSAGES_IN_THREADS | CREATE_EVENTS | SEND_POLLS;

  /**
   * The "Step up bot" role: what the coaching bot needs, Administrator off. Note that a bot can only grant
   * (in overwrites or roles) permissions it holds itself.
   */
  public static final long BOT_DEFAULT =
      VIEW_CHANNEL | SEND_MESSAGES | SEND_MESSAGES_IN_THREADS | CREATE_PUBLIC_THREADS | MANAGE_THREADS
          | MANAGE_CHANNELS | MANAGE_ROLES | MANAGE_EVENTS | CREATE_EVENTS | ATTACH_FILES | EMBED_LINKS
          | MANAGE_MESSAGES | PIN_MESSAGES | ADD_REACTIONS | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS;

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
