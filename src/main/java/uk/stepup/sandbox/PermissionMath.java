package uk.stepup.sandbox;

import static uk.stepup.sandbox.Permissions.ADMINISTRATOR;
import static uk.stepup.sandbox.Permissions.ALL;
import static uk.stepup.sandbox.Permissions.ATTACH_FILES;
import static uk.stepup.sandbox.Permissions.EMBED_LINKS;
import static uk.stepup.sandbox.Permissions.MANAGE_THREADS;
import static uk.stepup.sandbox.Permissions.MENTION_EVERYONE;
import static uk.stepup.sandbox.Permissions.SEND_MESSAGES;
import static uk.stepup.sandbox.Permissions.SEND_MESSAGES_IN_THREADS;
import static uk.stepup.sandbox.Permissions.SEND_TTS_MESSAGES;
import static uk.stepup.sandbox.Permissions.VIEW_CHANNEL;

/**
 * Discord's permission algorithm (developer docs, "Permissions: permission overwrites"): base permissions from
 * {@code @everyone} and the member's roles (owner and Administrator get everything), then the channel's
 * {@code @everyone} overwrite, the union of the member's role overwrites (deny then allow), the member overwrite, and
 * the implicit rules: no VIEW_CHANNEL means nothing; no permission to send means no mentions, embeds, files or TTS.
 * Threads take their parent's overwrites. Callers hold the state lock.
 */
final class PermissionMath {
    static final long DM_PERMISSIONS = VIEW_CHANNEL
            | SEND_MESSAGES
            | Permissions.READ_MESSAGE_HISTORY
            | ATTACH_FILES
            | EMBED_LINKS
            | Permissions.ADD_REACTIONS
            | Permissions.USE_APPLICATION_COMMANDS;

    private PermissionMath() {}

    static long base(SandboxGuild guild, String userId) {
        SandboxGuild.MemberState member = guild.members.get(userId);
        if (member == null) {
            return 0;
        }
        if (userId.equals(guild.ownerId)) {
            return ALL;
        }
        long perms = guild.everyoneRole().permissions();
        for (String roleId : member.roleIds) {
            SandboxRole role = guild.roles.get(roleId);
            if (role != null) {
                perms |= role.permissions();
            }
        }
        return (perms & ADMINISTRATOR) != 0 ? ALL : perms;
    }

    static long inChannel(SandboxChannel channel, String userId) {
        if (channel.isDm()) {
            SandboxUser r = channel.recipient;
            boolean party = r != null && r.id().equals(userId)
                    || userId.equals(channel.state().botUser().id());
            return party ? DM_PERMISSIONS : 0;
        }
        SandboxGuild guild = channel.guild().orElseThrow();
        SandboxGuild.MemberState member = guild.members.get(userId);
        if (member == null || channel.deleted) {
            return 0;
        }
        long base = base(guild, userId);
        if (base == ALL) {
            return ALL;
        }
        SandboxChannel source = channel;
        if (channel.isThread()) {
            source = channel.parent().orElse(channel);
        }
        long perms = applyOverwrites(base, guild, member, source);
        if (channel.kind() == SandboxChannel.Kind.PRIVATE_THREAD
                && !channel.threadMemberIds.contains(userId)
                && (perms & MANAGE_THREADS) == 0) {
            return 0;
        }
        if ((perms & VIEW_CHANNEL) == 0) {
            return 0;
        }
        long sendBit = channel.isThread() ? SEND_MESSAGES_IN_THREADS : SEND_MESSAGES;
        if (channel.kind() != SandboxChannel.Kind.CATEGORY && (perms & sendBit) == 0) {
            perms &= ~(MENTION_EVERYONE | SEND_TTS_MESSAGES | ATTACH_FILES | EMBED_LINKS);
        }
        return perms;
    }

    static long applyOverwrites(
            long base, SandboxGuild guild, SandboxGuild.MemberState member, SandboxChannel channel) {
        long perms = base;
        PermissionOverwrite everyone = channel.overwrites.get(guild.id());
        if (everyone != null) {
            perms &= ~everyone.deny();
            perms |= everyone.allow();
        }
        long allow = 0;
        long deny = 0;
        for (String roleId : member.roleIds) {
            PermissionOverwrite o = channel.overwrites.get(roleId);
            if (o != null && o.isRole()) {
                allow |= o.allow();
                deny |= o.deny();
            }
        }
        perms &= ~deny;
        perms |= allow;
        PermissionOverwrite own = channel.overwrites.get(member.user.id());
        if (own != null && !own.isRole()) {
            perms &= ~own.deny();
            perms |= own.allow();
        }
        return perms;
    }

    /** The position of the member's highest role (0 = only {@code @everyone}). */
    static int highestPosition(SandboxGuild guild, String userId) {
        SandboxGuild.MemberState member = guild.members.get(userId);
        int highest = 0;
        if (member != null) {
            for (String roleId : member.roleIds) {
                SandboxRole r = guild.roles.get(roleId);
                if (r != null) {
                    highest = Math.max(highest, r.position());
                }
            }
        }
        return highest;
    }
}
