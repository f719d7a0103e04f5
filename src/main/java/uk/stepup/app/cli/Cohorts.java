package uk.stepup.app.cli;

import java.util.List;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.config.StepUpConfig;

/** Finds a cohort by name for the command-line verbs. */
final class Cohorts {
    private Cohorts() {}

    static Cohort byName(CohortRepository cohorts, StepUpConfig cfg, String name) {
        List<String> servers = cfg.discord().guildIds();
        if (servers.size() == 1) {
            return cohorts.byName(servers.get(0), name).orElseThrow(() -> unknown(cohorts, name));
        }
        // Several servers configured: the cohort of that name on any of them.
        List<Cohort> matches = cohorts.named(name).stream()
                .filter(c -> servers.isEmpty() || servers.contains(c.guildId()))
                .toList();
        if (matches.isEmpty()) {
            throw unknown(cohorts, name);
        }
        if (matches.size() > 1) {
            throw new UserError(
                    ExitCodes.USAGE,
                    "Several servers have a cohort called \"" + name
                            + "\"; set STEPUP_GUILD_ID to the one server to use.");
        }
        return matches.get(0);
    }

    private static UserError unknown(CohortRepository cohorts, String name) {
        List<String> names = cohorts.all().stream().map(Cohort::name).distinct().toList();
        return new UserError(
                ExitCodes.USAGE,
                "--cohort: there is no cohort called \"" + name + "\""
                        + (names.isEmpty()
                                ? " (the database has none yet; create one with /cohort create)."
                                : ". Known: " + String.join(", ", names) + "."));
    }
}
