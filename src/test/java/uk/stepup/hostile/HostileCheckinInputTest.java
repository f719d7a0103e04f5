package uk.stepup.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.app.ManualTimers;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.CheckinService;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumItem;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.deliveries.DeliveryLedger;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcDeliveryLedger;
import uk.stepup.storage.JdbcHeldCheckins;
import uk.stepup.storage.JdbcHomeRepository;
import uk.stepup.storage.JdbcSessionRepository;
import uk.stepup.storage.JdbcTaskRepository;
import uk.stepup.summaries.WeeklySummary;
import uk.stepup.summaries.WeeklySummaryBuilder;
import uk.stepup.tasks.CoachPublisher;
import uk.stepup.weekly.CoachReminders;
import uk.stepup.weekly.ProgrammePublisher;
import uk.stepup.weekly.WeeklyProgramme;

/**
 * 10,000 generated check-ins through the real check-in desk and a real SQLite file: maximum lengths, odd Unicode,
 * zero-width characters, Markdown and mention syntax, SQL and spreadsheet-formula text, identifiers the privacy
 * guard must catch and near-misses it must let through (the generators are {@link HostileText}). Nothing crashes, every accepted text round-trips byte for
 * byte, and no identifier is ever stored.
 */
class HostileCheckinInputTest {
    @TempDir
    Path dir;

    @Test
    void ten_thousand_hostile_check_ins_never_crash_never_store_an_identifier_and_round_trip_exactly() {
        Map<String, Curriculum> curricula = new CurriculumLoader(new YamlFrontMatter())
                .load(Path.of("prompts"))
                .curricula();
        Supplier<Map<String, Curriculum>> supply = () -> curricula;
        Instant now = Instant.parse("2027-01-05T10:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try (Database db = Database.open(dir.resolve("hostile.db"))) {
            JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
            JdbcHomeRepository homes = new JdbcHomeRepository(db);
            JdbcCheckinRepository checkins = new JdbcCheckinRepository(db);
            WeeklyTime t9 = WeeklyTime.parse("MONDAY 09:00").orElseThrow();
            Cohort cohort = cohorts.create(new CohortRepository.NewCohort(
                    "1",
                    "C",
                    "kloe-2017",
                    ZoneId.of("Europe/London"),
                    LocalDate.of(2027, 1, 4),
                    new WeeklyRhythm(
                            t9,
                            WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                            WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                            WeeklyTime.parse("MONDAY 08:00").orElseThrow()),
                    curricula.get("kloe-2017").defaultOrder(),
                    "coach",
                    now.minusSeconds(86_400 * 7)));
            List<HomeRepository.NewHome> newHomes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                newHomes.add(new HomeRepository.NewHome(
                        "Home " + i,
                        "home-" + i,
                        Optional.empty(),
                        Baseline.notRated(),
                        List.of(String.valueOf(100000000000000000L + i))));
            }
            List<Home> enrolled = homes.enrolAll(cohort.id(), newHomes, now);
            WeeklyProgramme programme = new WeeklyProgramme(
                    cohorts,
                    homes,
                    checkins,
                    new JdbcDeliveryLedger(db),
                    new NoPublisher(),
                    new WeeklySummaryBuilder(cohorts, homes, checkins, curricula),
                    supply,
                    new ManualTimers(id -> {}),
                    new CoachReminders(
                            new JdbcTaskRepository(db),
                            new JdbcSessionRepository(db),
                            homes,
                            NO_COACH_POSTS,
                            new ManualTimers(id -> {}),
                            clock),
                    clock,
                    Runnable::run);
            CheckinService desk = new CheckinService(
                    cohorts, homes, checkins, supply, new PrivacyGuard(clock), new JdbcHeldCheckins(db), clock);

            Random random = new Random(20271);
            int saved = 0;
            int refused = 0;
            int confirm = 0;
            for (int i = 0; i < 10_000; i++) {
                Home home = enrolled.get(i % enrolled.size());
                Actor actor = new Actor(home.managerIds().get(0), "m", "1", false);
                boolean withIdentifier = random.nextInt(5) == 0;
                String did = text(random, CheckinAnswers.DID_MAX, withIdentifier);
                CheckinAnswers answers = new CheckinAnswers(
                        Rating.values()[random.nextInt(4)],
                        did.isBlank() ? "x" : did,
                        Optional.of(text(random, CheckinAnswers.EVIDENCE_MAX, false)),
                        Optional.of(text(random, CheckinAnswers.NEXT_STEP_MAX, false)),
                        Optional.of(text(random, CheckinAnswers.HIGHLIGHT_MAX, false)));
                CheckinService.Result r = desk.submit(actor, home.id(), 1, answers);
                if (r instanceof CheckinService.Saved s) {
                    saved++;
                    assertThat(withIdentifier)
                            .as("an identifier was accepted: " + did)
                            .isFalse();
                    assertThat(s.checkin().answers()).isEqualTo(answers);
                    assertThat(checkins.find(home.id(), 1).orElseThrow().answers())
                            .isEqualTo(answers);
                } else if (r instanceof CheckinService.Refused ref) {
                    refused++;
                    assertThat(HostileText.identifierIn(ref.outcome().message()))
                            .as("repeated in the reply")
                            .isNull();
                } else {
                    confirm++;
                }
            }
            assertThat(saved + refused + confirm).isEqualTo(10_000);
            assertThat(refused).isGreaterThan(1000);
            assertThat(saved).isGreaterThan(5000);
            // No identifier reached the database, in any revision.
            String all = db.read(c -> {
                StringBuilder sb = new StringBuilder();
                try (var st = c.createStatement();
                        var rs = st.executeQuery(
                                "SELECT did || coalesce(evidence,'') || coalesce(next_step,'') || coalesce(highlight,'') FROM checkin_revision")) {
                    while (rs.next()) {
                        sb.append(rs.getString(1)).append('\n');
                    }
                }
                return sb.toString();
            });
            assertThat(HostileText.identifierIn(all))
                    .as("an identifier in the database")
                    .isNull();
            assertThat(db.integrityCheck()).isEqualTo("ok");
        }
    }

    /** Random hostile text (see {@link HostileText}) up to max characters, sometimes with an identifier inside. */
    static String text(Random random, int max, boolean identifier) {
        return HostileText.text(random, max, identifier);
    }

    /** Coach posts are not exercised here either. */
    static final CoachPublisher NO_COACH_POSTS = (CoachPublisher) Proxy.newProxyInstance(
            HostileCheckinInputTest.class.getClassLoader(),
            new Class<?>[] {CoachPublisher.class},
            (proxy, method, args) -> {
                throw new UnsupportedOperationException("not used");
            });

    /** The publisher is not exercised here: check-ins are not posted anywhere. */
    static final class NoPublisher implements ProgrammePublisher {
        @Override
        public Posted postPrompt(Cohort c, int w, CurriculumItem i, Instant d, DeliveryLedger.Key k) {
            return new Failed("not used");
        }

        @Override
        public Posted postReminder(Cohort c, Home h, int w, CurriculumItem i, Instant d, DeliveryLedger.Key k) {
            return new Failed("not used");
        }

        @Override
        public Posted postSummary(Cohort c, WeeklySummary s, DeliveryLedger.Key k) {
            return new Failed("not used");
        }

        @Override
        public Posted postThread(Cohort c, int w, CurriculumItem i, String p, DeliveryLedger.Key k) {
            return new Failed("not used");
        }

        @Override
        public Optional<String> findThread(Cohort c, String p) {
            return Optional.empty();
        }

        @Override
        public Posted postSummaryInThread(Cohort c, WeeklySummary s, String t, DeliveryLedger.Key k) {
            return new Failed("not used");
        }

        @Override
        public Optional<String> findSummaryInThread(Cohort c, String t, DeliveryLedger.Key k) {
            return Optional.empty();
        }

        @Override
        public Optional<String> findDelivered(Cohort c, DeliveryLedger.Key k) {
            return Optional.empty();
        }

        @Override
        public Optional<String> findReminder(Cohort c, Home h, DeliveryLedger.Key k) {
            return Optional.empty();
        }

        @Override
        public void tellCoaches(Cohort c, String text) {}
    }
}
