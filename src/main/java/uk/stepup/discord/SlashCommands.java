package uk.stepup.discord;

import java.util.List;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** The slash commands the bot registers, in one place (names are part of the product contract). */
public final class SlashCommands {
    private SlashCommands() {
    }

    private static OptionData cohortOption() {
        return new OptionData(OptionType.STRING, "cohort", "Cohort name (default: the cohort of this channel, or the only one)")
                .setMaxLength(60);
    }

    private static SubcommandData coachSub(String name, String description) {
        return new SubcommandData(name, description).addOptions(cohortOption());
    }

    public static List<CommandData> all() {
        return List.of(
                Commands.slash("cohort", "Coach tools for running a cohort")
                        .addSubcommands(
                                new SubcommandData("create", "Start a new cohort and set up its channels")
                                        .addOptions(new OptionData(OptionType.STRING, "name", "Cohort name, e.g. Spring 2027", true)
                                                        .setMaxLength(60),
                                                new OptionData(OptionType.STRING, "start", "Start date (YYYY-MM-DD, a Monday; default next Monday)")
                                                        .setMaxLength(10),
                                                new OptionData(OptionType.STRING, "framework", "Curriculum")
                                                        .addChoice("CQC KLOEs (24 weeks)", "kloe-2017")
                                                        .addChoice("CQC quality statements (34 weeks)", "saf-2023"),
                                                new OptionData(OptionType.STRING, "zone", "Time zone (default Europe/London)")
                                                        .setMaxLength(40)),
                                new SubcommandData("enrol", "Enrol a home and its manager (run again to add another manager)")
                                        .addOptions(new OptionData(OptionType.STRING, "home", "Care home name", true).setMaxLength(80),
                                                new OptionData(OptionType.USER, "manager", "The home's registered manager or deputy", true),
                                                cohortOption()),
                                new SubcommandData("import", "Enrol many homes from a CSV file (all or nothing)")
                                        .addOptions(new OptionData(OptionType.ATTACHMENT, "file", "CSV: home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led", true),
                                                cohortOption()),
                                coachSub("pause", "Pause the programme (holidays); weeks move later"),
                                coachSub("resume", "Resume a paused programme"),
                                coachSub("skip", "Make the next week a break"),
                                coachSub("end", "End the programme now"),
                                coachSub("repair", "Re-create missing channels and fix permissions")),
                Commands.slash("checkin", "Open this week's check-in for your home (about two minutes)"),
                Commands.slash("progress", "Your home's self-ratings so far and change from baseline (only you see it)"));
    }
}
