package uk.stepup.discord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.concrete.Category;
import uk.stepup.cohorts.Cohort;

/**
 * The start-up check of {@code run}: on every server the bot is on, do its effective permissions (on the server and
 * in each cohort's categories) and its role's position allow its work? Each problem is one sentence an admin can act
 * on, naming permissions as Discord's own screens do. It only reads JDA's cache; nothing is sent.
 */
public final class PermissionSelfCheck {
    /** What the bot needs inside a cohort category: its channel work, creating home channels and setting their permissions. */
    private static final Set<Permission> IN_CATEGORY = inCategory();

    private final JDA jda;

    /** One server's findings; {@code problems} is empty when the bot can do everything it needs there. */
    public record ServerReport(String guildId, String guildName, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public PermissionSelfCheck(JDA jda) {
        this.jda = jda;
    }

    private static Set<Permission> inCategory() {
        EnumSet<Permission> p = EnumSet.copyOf(BotPermissions.IN_CHANNELS);
        p.add(Permission.MANAGE_CHANNEL);
        p.add(Permission.MANAGE_PERMISSIONS);
        return p;
    }

    /** Every server the bot is on, with the cohorts it runs there. */
    public List<ServerReport> check(Collection<Cohort> cohorts) {
        List<ServerReport> reports = new ArrayList<>();
        for (Guild guild : jda.getGuilds()) {
            reports.add(check(
                    guild,
                    cohorts.stream()
                            .filter(c -> c.guildId().equals(guild.getId()))
                            .toList()));
        }
        return reports;
    }

    /** One server, with the cohorts it runs. */
    public static ServerReport check(Guild guild, List<Cohort> cohorts) {
        Member self = guild.getSelfMember();
        String botRole = self.getRoles().isEmpty()
                ? "the bot's role"
                : "the bot's role \"" + self.getRoles().get(0).getName() + "\"";
        List<String> problems = new ArrayList<>();
        EnumSet<Permission> missing = EnumSet.copyOf(BotPermissions.all());
        missing.removeAll(self.getPermissions());
        if (!missing.isEmpty()) {
            problems.add("On this server " + botRole + " lacks " + BotPermissions.names(missing) + ". Give "
                    + (missing.size() == 1 ? "it" : "them")
                    + " to the role in Server Settings, Roles, or invite the bot"
                    + " again with the URL the `invite` command prints.");
        }
        for (Cohort cohort : cohorts) {
            if (cohort.channels().categoryId().isPresent()
                    && guild.getCategoryById(cohort.channels().categoryId().get()) == null) {
                problems.add("Cohort " + cohort.name() + ": its category was deleted. Run `/cohort repair` with"
                        + " `cohort: " + cohort.name() + "` to set its channels up again.");
            }
            for (Category category : JdaCohortSpaces.categories(guild, cohort)) {
                EnumSet<Permission> lacking = EnumSet.copyOf(IN_CATEGORY);
                lacking.removeAll(self.getPermissions(category));
                if (!lacking.isEmpty()) {
                    problems.add("Cohort " + cohort.name() + ": in the category \"" + category.getName() + "\" the bot"
                            + " lacks " + BotPermissions.names(lacking) + ". Edit the category, Permissions, and allow"
                            + " them for the bot.");
                }
            }
            for (Role role : guild.getRolesByName(JdaCohortSpaces.cohortRoleName(cohort), false)) {
                if (!self.canInteract(role)) {
                    problems.add("Cohort " + cohort.name() + ": its role \"" + role.getName() + "\" is above " + botRole
                            + ", so the bot cannot give it to new managers. In Server Settings, Roles, drag the bot's"
                            + " role above it.");
                }
            }
        }
        return new ServerReport(guild.getId(), guild.getName(), problems);
    }
}
