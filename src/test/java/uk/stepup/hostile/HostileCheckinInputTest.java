package uk.stepup.hostile;

import static org.assertj.core.api.Assertions.assertThat;

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
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.CheckinService;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.shared.Actor;
import uk.stepup.shared.HomeId;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;
import uk.stepup.storage.Database;
import uk.stepup.storage.JdbcCheckinRepository;
import uk.stepup.storage.JdbcCohortRepository;
import uk.stepup.storage.JdbcHeldCheckins;
import uk.stepup.storage.JdbcHomeRepository;

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
                CheckinService.Result r = desk.submit(actor, new HomeId(home.id()), 1, answers);
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
}
