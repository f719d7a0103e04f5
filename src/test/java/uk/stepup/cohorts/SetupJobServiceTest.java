package uk.stepup.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.csv.JacksonCsv;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcSetupJobRepository;
import uk.stepup.storage.TestDatabases;

/**
 * Set-up jobs on a real SQLite file with a Discord stand-in that records what it was asked (the end-to-end tests use
 * the real JDA client): the phases in order, all or nothing, and a job cut off half-way resumed without anything done
 * twice.
 */
class SetupJobServiceTest {
    static final String HEADER = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n";
    static final Instant T0 = Instant.parse("2027-01-06T10:00:00Z");
    static final Actor COACH = new Actor("500000000000000001", "Cath", "100000000000000001", true);

    @TempDir
    Path dir;

    Database db;
    JdbcCohortRepository cohorts;
    JdbcHomeRepository homes;
    JdbcSetupJobRepository jobs;
    Spaces spaces;
    final List<String> notes = new ArrayList<>();
    final Queue<Runnable> queued = new ArrayDeque<>();
    Cohort cohort;

    /** The server: who is on it and who has the cohort's role, channels made, and a failure to throw on demand. */
    static final class Spaces implements CohortSpaces {
        final Set<String> members = new HashSet<>();
        final Set<String> withRole = new HashSet<>();
        final Map<Long, String> channels = new HashMap<>();
        final AtomicInteger creates = new AtomicInteger();
        final AtomicInteger roleAdds = new AtomicInteger();
        ServerRoom room = new ServerRoom(6, List.of(46));
        /** Thrown (once) at this role add, as a process killed mid-request would stop. */
        int crashAtRoleAdd = -1;

        @Override
        public Cohort.Channels provisionCohort(Cohort cohort) {
            return cohort.channels();
        }

        @Override
        public String provisionHome(Cohort cohort, Home home) {
            return channels.computeIfAbsent(home.id(), id -> {
                creates.incrementAndGet();
                return String.valueOf(900_000_000_000_000_000L + id);
            });
        }

        @Override
        public Set<String> admit(Cohort cohort, Collection<String> userIds) {
            Set<String> missing = new HashSet<>();
            for (String id : userIds) {
                if (roleAdds.incrementAndGet() == crashAtRoleAdd) {
                    crashAtRoleAdd = -1;
                    throw new IllegalStateException("killed");
                }
                if (members.contains(id)) {
                    withRole.add(id);
                } else {
                    missing.add(id);
                }
            }
            return missing;
        }

        @Override
        public void dismiss(Cohort cohort, Collection<String> userIds) {
            withRole.removeAll(userIds);
        }

        @Override
        public Optional<ServerRoom> room(Cohort cohort) {
            return Optional.of(room);
        }
    }

    @BeforeEach
    void open() {
        db = TestDatabases.fresh(dir);
        cohorts = new JdbcCohortRepository(db);
        homes = new JdbcHomeRepository(db);
        jobs = new JdbcSetupJobRepository(db);
        spaces = new Spaces();
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        cohort = cohorts.create(new CohortRepository.NewCohort(
                COACH.guildId(),
                "Spring",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 11),
                rhythm,
                List.of("S1", "S2"),
                COACH.userId(),
                T0));
        cohorts.saveChannels(
                cohort.id(),
                new Cohort.Channels(Optional.of("1"), Optional.of("2"), Optional.of("3"), Optional.of("4")));
        cohort = cohorts.byId(cohort.id()).orElseThrow();
    }

    @AfterEach
    void close() {
        db.close();
    }

    SetupJobService setupJobs() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        EnrolmentService enrolment =
                new EnrolmentService(cohorts, homes, spaces, new PrivacyGuard(clock), new JacksonCsv(), clock);
        return new SetupJobService(
                cohorts,
                homes,
                spaces,
                enrolment,
                jobs,
                (c, text, to) -> notes.add(to.map(m -> "[" + m + "] ").orElse("") + text),
                queued::add,
                clock);
    }

    void runQueued() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    String file(String... managers) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < managers.length; i++) {
            csv.append("Home ").append(i).append(",,").append(managers[i]).append(",,,,,,\n");
            spaces.members.add(managers[i]);
        }
        return csv.toString();
    }

    @Test
    void the_coach_is_answered_before_any_work_then_the_job_admits_stores_and_creates_channels() {
        SetupJobService setup = setupJobs();
        Outcome answer = setup.startImport(COACH, cohort, file("600000000000000001", "600000000000000002"));
        assertThat(answer.message()).startsWith("The file is good: 2 homes with 2 managers");
        assertThat(spaces.roleAdds.get()).as("nothing done before the answer").isZero();
        assertThat(homes.inCohort(cohort.id())).isEmpty();
        assertThat(setup.running(cohort.id())).isTrue();
        assertThat(setup.startRepair(COACH, cohort).message()).contains("is still running");

        runQueued();
        assertThat(homes.inCohort(cohort.id()))
                .hasSize(2)
                .allMatch(h -> h.channelId().isPresent());
        assertThat(spaces.withRole).containsExactlyInAnyOrder("600000000000000001", "600000000000000002");
        assertThat(notes).hasSize(2);
        assertThat(notes.get(1))
                .as("addressed to the coach who started it, whom the adapter mentions")
                .startsWith("[" + COACH.userId() + "] Imported 2 homes with 2 managers into **Spring**");
        assertThat(setup.running(cohort.id())).isFalse();
        assertThat(jobs.unfinished()).isEmpty();
    }

    @Test
    void a_manager_not_on_the_server_refuses_the_file_and_the_others_lose_the_role_again() {
        SetupJobService setup = setupJobs();
        String csv = file("600000000000000001", "600000000000000002");
        spaces.members.remove("600000000000000002");
        assertThat(setup.startImport(COACH, cohort, csv).ok()).isTrue();
        runQueued();
        assertThat(homes.inCohort(cohort.id())).isEmpty();
        assertThat(spaces.withRole).isEmpty();
        assertThat(spaces.creates.get()).isZero();
        assertThat(notes.get(notes.size() - 1))
                .contains("Nothing was imported into **Spring**")
                .contains("line 3: managers: 600000000000000002 is not a member of this Discord server");
    }

    @Test
    void a_file_bigger_than_the_room_on_the_server_is_refused_at_once() {
        spaces.room = new ServerRoom(498, List.of(0));
        Outcome answer = setupJobs().startImport(COACH, cohort, file("600000000000000001", "600000000000000002"));
        assertThat(answer.ok()).isFalse();
        assertThat(answer.message()).contains("the file has 2 homes").contains("room for the channels of 1 more home.");
        assertThat(queued).isEmpty();
        assertThat(jobs.unfinished()).isEmpty();
    }

    @Test
    void a_job_cut_off_half_way_is_resumed_by_the_next_start_and_does_nothing_twice() {
        spaces.crashAtRoleAdd = 3;
        setupJobs()
                .startImport(
                        COACH,
                        cohort,
                        file("600000000000000001", "600000000000000002", "600000000000000003", "600000000000000004"));
        runQueued();
        SetupJob cut = jobs.unfinished().get(0);
        assertThat(cut.phase()).isEqualTo(SetupJob.Phase.ADMIT);
        assertThat(cut.done()).isEqualTo(2);

        SetupJobService restarted = setupJobs();
        restarted.resumeUnfinished();
        runQueued();
        assertThat(jobs.unfinished()).isEmpty();
        assertThat(spaces.roleAdds.get())
                .as("two before the cut, the one cut off again, then one")
                .isEqualTo(5);
        assertThat(homes.inCohort(cohort.id()))
                .hasSize(4)
                .allMatch(h -> h.channelId().isPresent());
        assertThat(spaces.creates.get()).isEqualTo(4);
        assertThat(notes).anyMatch(n -> n.startsWith("The bot restarted during the import of **Spring**"));

        // A repair goes over every home again: channels that exist are kept, none made twice.
        assertThat(restarted.startRepair(COACH, cohort).message()).startsWith("Repairing Spring");
        runQueued();
        assertThat(spaces.creates.get()).isEqualTo(4);
        assertThat(notes.get(notes.size() - 1))
                .contains("Repaired **Spring**")
                .contains("all 4 home channels are in place");
    }
}
