package uk.stepup.app.cli;

import java.util.List;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.config.StepUpConfig;

/** Finds a cohort by name for the command-line verbs. */
final class Cohorts {
    private Cohorts() {
    }

    static Cohort byName(CohortRepository cohorts, StepUpConfig cfg, String name) {
        if (cfg.discord().guildId() != null) {
            return cohorts.byName(cfg.discord().guildId(), name).orElseThrow(() -> unknown(cohorts, name));
        }
        List<Cohort> matches = cohorts.named(name);
        if (matches.isEmpty()) {
            throw unknown(cohorts, name);
        }
        if (matches.size() > 1) {
            throw new UserError(ExitCodes.USAGE, "Several servers have a cohort called \"" + name
                    + "\"; set STEPUP_GUILD_ID to say which.");
        }
        return matches.get(0);
    }

    private static UserError unknown(CohortRepository cohorts, String name) {
        List<String> names = cohorts.all().stream().map(Cohort::name).distinct().toList();
        return new UserError(ExitCodes.USAGE, "--cohort: there is no cohort called \"" + name + "\""
                + (names.isEmpty() ? " (the database has none yet; create one with /cohort create)." : ". Known: " + String.join(", ", names) + "."));
    }
}
