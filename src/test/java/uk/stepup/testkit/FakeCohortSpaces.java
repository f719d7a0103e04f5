package uk.stepup.testkit;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortSpaces;
import uk.stepup.cohorts.Home;

/** Channels that always exist: ids handed out in order. */
public final class FakeCohortSpaces implements CohortSpaces {
    private final AtomicLong ids = new AtomicLong(800_000_000_000_000_000L);

    private String next() {
        return String.valueOf(ids.incrementAndGet());
    }

    @Override
    public Cohort.Channels provisionCohort(Cohort cohort) {
        return new Cohort.Channels(Optional.of(next()), Optional.of(next()), Optional.of(next()), Optional.of(next()));
    }

    @Override
    public String provisionHome(Cohort cohort, Home home) {
        return next();
    }

    /** Every user id starting with 9 is nobody on the server. */
    @Override
    public Set<String> admit(Cohort cohort, Collection<String> userIds) {
        return userIds.stream().filter(id -> id.startsWith("9")).collect(Collectors.toSet());
    }

    @Override
    public void dismiss(Cohort cohort, Collection<String> userIds) {}
}
