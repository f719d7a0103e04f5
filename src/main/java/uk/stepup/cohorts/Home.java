package uk.stepup.cohorts;

import java.util.List;
import java.util.Optional;

/** A care home enrolled in a cohort, with its private channel and its managers' Discord user ids. */
public record Home(
        long id,
        long cohortId,
        String name,
        String slug,
        Optional<String> cqcLocationId,
        Optional<String> channelId,
        Baseline baseline,
        List<String> managerIds) {

    public Home {
        managerIds = List.copyOf(managerIds);
    }
}
