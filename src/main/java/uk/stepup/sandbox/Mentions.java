package uk.stepup.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a message actually notifies, with Discord's semantics: mentions are parsed from the content; without
 * {@code allowed_mentions} everything parsed pings; with it, only what {@code parse}, {@code users} and {@code roles}
 * allow. Role pings also need the role to be mentionable or the author to have MENTION_EVERYONE; {@code @everyone}
 * and {@code @here} need MENTION_EVERYONE. Users who cannot see the channel are not notified. Ephemeral and silent
 * messages notify nobody. Replies notify the replied-to author unless {@code replied_user} is false.
 */
final class Mentions {
    private static final Pattern USER = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d+)>");

    record Result(
            Set<String> users,
            Set<String> roles,
            boolean everyone,
            Set<String> mentionedUsers,
            Set<String> mentionedRoles) {}

    private Mentions() {}

    static Result compute(
            SandboxState state, SandboxChannel channel, SandboxUser author, MessageDraft draft, boolean ephemeral) {
        String content = draft.content == null ? "" : draft.content;
        Set<String> mentionedUsers = new LinkedHashSet<>();
        Matcher um = USER.matcher(content);
        while (um.find()) {
            if (state.users.containsKey(um.group(1))) {
                mentionedUsers.add(um.group(1));
            }
        }
        Set<String> mentionedRoles = new LinkedHashSet<>();
        SandboxGuild guild = channel.guild().orElse(null);
        Matcher rm = ROLE.matcher(content);
        while (rm.find()) {
            if (guild != null && guild.roles.containsKey(rm.group(1))) {
                mentionedRoles.add(rm.group(1));
            }
        }
        boolean everyoneText = content.contains("@everyone") || content.contains("@here");
        boolean silent = ephemeral || (draft.flags & SandboxMessage.SUPPRESS_NOTIFICATIONS) != 0;
        JsonNode am = draft.allowedMentions;
        Set<String> parse = new HashSet<>();
        Set<String> allowUsers = new HashSet<>();
        Set<String> allowRoles = new HashSet<>();
        boolean repliedUser = true;
        if (am == null || am.isNull()) {
            parse.add("users");
            parse.add("roles");
            parse.add("everyone");
        } else {
            am.path("parse").forEach(n -> parse.add(n.asText()));
            am.path("users").forEach(n -> allowUsers.add(n.asText()));
            am.path("roles").forEach(n -> allowRoles.add(n.asText()));
            repliedUser = am.path("replied_user").asBoolean(false);
        }
        long authorPerms = channel.isDm() ? 0 : PermissionMath.inChannel(channel, author.id());
        boolean canEveryone = (authorPerms & Permissions.MENTION_EVERYONE) != 0;
        Set<String> users = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        boolean everyone = false;
        if (!silent) {
            for (String uid : mentionedUsers) {
                if ((parse.contains("users") || allowUsers.contains(uid)) && canSee(channel, uid)) {
                    users.add(uid);
                }
            }
            if (draft.replyTo != null && repliedUser) {
                MessageRecord target = state.messages.get(draft.replyTo);
                if (target != null && !target.author.id().equals(author.id()) && canSee(channel, target.author.id())) {
                    users.add(target.author.id());
                }
            }
            for (String rid : mentionedRoles) {
                SandboxRole role = guild.roles.get(rid);
                if ((parse.contains("roles") || allowRoles.contains(rid)) && (role.isMentionable() || canEveryone)) {
                    roles.add(rid);
                }
            }
            everyone = everyoneText && parse.contains("everyone") && canEveryone;
        }
        return new Result(Set.copyOf(users), Set.copyOf(roles), everyone, mentionedUsers, mentionedRoles);
    }

    private static boolean canSee(SandboxChannel channel, String userId) {
        return (PermissionMath.inChannel(channel, userId) & Permissions.VIEW_CHANNEL) != 0;
    }
}
