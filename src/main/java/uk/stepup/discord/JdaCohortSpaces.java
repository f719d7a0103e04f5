package uk.stepup.discord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.entities.channel.concrete.Category;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.PermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.ChannelAction;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortSpaces;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.ServerRoom;

/**
 * Creates a cohort's channels on Discord with the permission overwrites of spec section 2. Members of the cohort get
 * a cohort role; everyone else sees nothing. Coaches (the coach role) see and post everywhere, including each home's
 * private channel; a home's channel is visible to its own managers and the coaches only. Idempotent: what exists is
 * reused and its overwrites are put right, what is missing is created.
 */
public final class JdaCohortSpaces implements CohortSpaces {
    static final String COACHES_CHANNEL = "coaches";
    /** Discord allows 50 channels in a category; home channels overflow into further categories. */
    static final int CATEGORY_CAPACITY = 50;

    /** The bot's own overwrite on every cohort category and channel: only what it holds (see BotPermissions). */
    private static final Set<Permission> BOT = BotPermissions.IN_CHANNELS;
    /**
     * Members read a channel and its history; everything else (reactions, say) comes from the server's {@code @everyone}
     * role as the admin set it. Overwrites allow nothing outside {@link BotPermissions}: Discord refuses those.
     */
    private static final EnumSet<Permission> READ = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_HISTORY);

    private static final EnumSet<Permission> TALK = EnumSet.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_HISTORY,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS);
    private static final EnumSet<Permission> NO_POSTING = EnumSet.of(Permission.MESSAGE_SEND);

    private final JDA jda;
    private final String coachRoleName;

    public JdaCohortSpaces(JDA jda, String coachRoleName) {
        this.jda = jda;
        this.coachRoleName = coachRoleName;
    }

    @Override
    public Cohort.Channels provisionCohort(Cohort cohort) {
        try {
            Guild guild = guild(cohort);
            Role coach = coachRole(guild);
            Role members = cohortRole(guild, cohort);
            long everyone = guild.getPublicRole().getIdLong();
            long self = guild.getSelfMember().getIdLong();
            Category category = existingCategory(guild, cohort.channels().categoryId())
                    .orElseGet(() -> guild.createCategory(EmbedCard.fit("SUO · " + cohort.name(), 100))
                            .addRolePermissionOverride(everyone, List.of(), List.of(Permission.VIEW_CHANNEL))
                            .addMemberPermissionOverride(self, BOT, List.of())
                            .addRolePermissionOverride(coach.getIdLong(), TALK, List.of())
                            .addRolePermissionOverride(members.getIdLong(), READ, List.of())
                            .complete());
            TextChannel announcements = channel(
                    guild,
                    category,
                    cohort.channels().announcementsId(),
                    "announcements",
                    "Coach broadcasts, tasks and sessions for " + cohort.name(),
                    a -> a.addRolePermissionOverride(members.getIdLong(), READ, NO_POSTING));
            TextChannel thisWeek = channel(
                    guild,
                    category,
                    cohort.channels().thisWeekId(),
                    "this-week",
                    "This week's KLOE prompt: press Check in. Discuss in the week's thread.",
                    a -> a.addRolePermissionOverride(
                            members.getIdLong(),
                            EnumSet.of(
                                    Permission.VIEW_CHANNEL,
                                    Permission.MESSAGE_HISTORY,
                                    Permission.MESSAGE_SEND_IN_THREADS),
                            NO_POSTING));
            TextChannel peer = channel(
                    guild,
                    category,
                    cohort.channels().peerLearningId(),
                    "peer-learning",
                    "Weekly summaries and shared highlights: learn from each other.",
                    a -> a.addRolePermissionOverride(members.getIdLong(), TALK, List.of()));
            channelNamed(category, COACHES_CHANNEL)
                    .orElseGet(() -> guild.createTextChannel(COACHES_CHANNEL, category)
                            .setTopic("For coaches only: catch-up notes and problems the bot found.")
                            .addRolePermissionOverride(everyone, List.of(), List.of(Permission.VIEW_CHANNEL))
                            .addRolePermissionOverride(members.getIdLong(), List.of(), List.of(Permission.VIEW_CHANNEL))
                            .addMemberPermissionOverride(self, BOT, List.of())
                            .addRolePermissionOverride(coach.getIdLong(), TALK, List.of())
                            .complete());
            return new Cohort.Channels(
                    Optional.of(category.getId()),
                    Optional.of(announcements.getId()),
                    Optional.of(thisWeek.getId()),
                    Optional.of(peer.getId()));
        } catch (PermissionException | ErrorResponseException e) {
            throw new SpaceException(Refusals.explain(e), e);
        }
    }

    @Override
    public String provisionHome(Cohort cohort, Home home) {
        try {
            Guild guild = guild(cohort);
            Role coach = coachRole(guild);
            Role members = cohortRole(guild, cohort);
            // A channel created just before a restart, whose id was never saved, is found by its name: a resumed
            // import creates no second channel for the home.
            Optional<TextChannel> existing = home.channelId()
                    .map(guild::getTextChannelById)
                    .or(() -> home.channelId().isPresent()
                            ? Optional.empty()
                            : categories(guild, cohort).stream()
                                    .flatMap(c -> c.getTextChannels().stream())
                                    .filter(c -> c.getName().equals(slug(home)))
                                    .findFirst());
            TextChannel channel = existing.orElseGet(() -> {
                Category category = homesCategory(guild, cohort);
                ChannelAction<TextChannel> create = guild.createTextChannel(slug(home), category)
                        .setTopic(EmbedCard.fit(
                                home.name() + ": private to its managers and the coaches. Reminders and progress.",
                                1024))
                        .addRolePermissionOverride(
                                guild.getPublicRole().getIdLong(), List.of(), List.of(Permission.VIEW_CHANNEL))
                        .addRolePermissionOverride(members.getIdLong(), List.of(), List.of(Permission.VIEW_CHANNEL))
                        .addMemberPermissionOverride(guild.getSelfMember().getIdLong(), BOT, List.of())
                        .addRolePermissionOverride(coach.getIdLong(), TALK, List.of());
                for (String manager : home.managerIds()) {
                    create = create.addMemberPermissionOverride(Long.parseLong(manager), TALK, List.of());
                }
                return create.complete();
            });
            if (existing.isPresent()) {
                var manager = channel.getManager();
                for (String m : home.managerIds()) {
                    manager = manager.putMemberPermissionOverride(Long.parseLong(m), TALK, List.of());
                }
                manager.complete();
            }
            return channel.getId();
        } catch (PermissionException | ErrorResponseException e) {
            throw new SpaceException(Refusals.explain(e), e);
        }
    }

    /** From JDA's cache of the server, which Discord keeps up to date over the gateway: no request needed. */
    @Override
    public Optional<ServerRoom> room(Cohort cohort) {
        Guild guild = guild(cohort);
        List<Integer> free = new ArrayList<>();
        for (Category c : categories(guild, cohort)) {
            free.add(CATEGORY_CAPACITY - c.getChannels().size());
        }
        return Optional.of(new ServerRoom(guild.getChannels(true).size(), free));
    }

    /** One request per user: Discord answers Unknown Member for someone not on the server. */
    @Override
    public Set<String> admit(Cohort cohort, Collection<String> userIds) {
        try {
            Guild guild = guild(cohort);
            Role members = cohortRole(guild, cohort);
            Set<String> missing = new LinkedHashSet<>();
            for (String id : new LinkedHashSet<>(userIds)) {
                try {
                    guild.addRoleToMember(UserSnowflake.fromId(id), members).complete();
                } catch (ErrorResponseException e) {
                    if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MEMBER
                            && e.getErrorResponse() != ErrorResponse.UNKNOWN_USER) {
                        throw e;
                    }
                    missing.add(id);
                }
            }
            return missing;
        } catch (PermissionException | ErrorResponseException e) {
            throw new SpaceException(Refusals.explain(e), e);
        }
    }

    @Override
    public void dismiss(Cohort cohort, Collection<String> userIds) {
        try {
            Guild guild = guild(cohort);
            Role members = cohortRole(guild, cohort);
            for (String id : new LinkedHashSet<>(userIds)) {
                try {
                    guild.removeRoleFromMember(UserSnowflake.fromId(id), members)
                            .complete();
                } catch (ErrorResponseException e) {
                    if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MEMBER
                            && e.getErrorResponse() != ErrorResponse.UNKNOWN_USER) {
                        throw e;
                    }
                }
            }
        } catch (PermissionException | ErrorResponseException e) {
            throw new SpaceException(Refusals.explain(e), e);
        }
    }

    static String slug(Home home) {
        return EmbedCard.fit("home-" + home.slug(), 100);
    }

    private Guild guild(Cohort cohort) {
        return Guilds.await(jda, cohort.guildId())
                .orElseThrow(() -> new SpaceException("the bot is no longer on the cohort's Discord server.", null));
    }

    private Role coachRole(Guild guild) {
        List<Role> roles = guild.getRolesByName(coachRoleName, true);
        if (!roles.isEmpty()) {
            return roles.get(0);
        }
        return guild.createRole().setName(coachRoleName).setMentionable(false).complete();
    }

    /** The name of the role every member of the cohort holds. */
    static String cohortRoleName(Cohort cohort) {
        return EmbedCard.fit("SUO · " + cohort.name(), 100);
    }

    private static Role cohortRole(Guild guild, Cohort cohort) {
        String name = cohortRoleName(cohort);
        List<Role> roles = guild.getRolesByName(name, false);
        return roles.isEmpty()
                ? guild.createRole().setName(name).setMentionable(false).complete()
                : roles.get(0);
    }

    private static Optional<Category> existingCategory(Guild guild, Optional<String> id) {
        return id.map(guild::getCategoryById);
    }

    private static Optional<TextChannel> channelNamed(Category category, String name) {
        return category.getTextChannels().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst();
    }

    private interface Overwrites {
        ChannelAction<TextChannel> apply(ChannelAction<TextChannel> action);
    }

    private static TextChannel channel(
            Guild guild, Category category, Optional<String> id, String name, String topic, Overwrites overwrites) {
        Optional<TextChannel> existing = id.map(guild::getTextChannelById).or(() -> channelNamed(category, name));
        if (existing.isPresent()) {
            return existing.get();
        }
        return overwrites
                .apply(guild.createTextChannel(name, category).setTopic(topic).syncPermissionOverrides())
                .complete();
    }

    /** The cohort's categories that exist: its own, then the overflow ones for home channels ("… · homes 2", …). */
    static List<Category> categories(Guild guild, Cohort cohort) {
        List<Category> found = new ArrayList<>();
        cohort.channels().categoryId().map(guild::getCategoryById).ifPresent(found::add);
        for (int n = 2; n < 20; n++) {
            String name = EmbedCard.fit("SUO · " + cohort.name() + " · homes " + n, 100);
            guild.getCategoriesByName(name, false).stream().findFirst().ifPresent(found::add);
        }
        return found;
    }

    /** The category for home channels: the cohort's own while it has room, then "… · homes 2", "… · homes 3". */
    private static Category homesCategory(Guild guild, Cohort cohort) {
        cohort.channels()
                .categoryId()
                .map(guild::getCategoryById)
                .orElseThrow(() -> new SpaceException("the cohort's category is missing; run /cohort repair.", null));
        List<Category> candidates = categories(guild, cohort);
        for (Category c : candidates) {
            if (c.getChannels().size() < CATEGORY_CAPACITY) {
                return c;
            }
        }
        String name = EmbedCard.fit("SUO · " + cohort.name() + " · homes " + (candidates.size() + 1), 100);
        return guild.createCategory(name)
                .addRolePermissionOverride(
                        guild.getPublicRole().getIdLong(), List.of(), List.of(Permission.VIEW_CHANNEL))
                .addMemberPermissionOverride(guild.getSelfMember().getIdLong(), BOT, List.of())
                .complete();
    }
}
