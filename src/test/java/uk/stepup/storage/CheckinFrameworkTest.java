package uk.stepup.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.CohortRepository;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.HomeRepository;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;

/**
 * Every check-in records its framework beside its item's code (V8): new check-ins take their cohort's framework, and
 * check-ins saved before V8 are filled in from their cohort, on a real SQLite file through the real migrations.
 */
class CheckinFrameworkTest {
    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    private static final CheckinAnswers ANSWERS =
            new CheckinAnswers(Rating.GOOD, "Ran a huddle", Optional.empty(), Optional.empty(), Optional.empty());

    @TempDir
    Path dir;

    @Test
    void a_new_check_in_records_its_cohorts_framework_and_keeps_it_when_edited() {
        try (Database db = TestDatabases.fresh(dir)) {
            JdbcCohortRepository cohorts = new JdbcCohortRepository(db);
            JdbcHomeRepository homes = new JdbcHomeRepository(db);
            JdbcCheckinRepository checkins = new JdbcCheckinRepository(db);
            Home kloe = home(homes, cohort(cohorts, "Spring 2027", "kloe-2017", List.of("S1", "S2")));
            Home saf = home(homes, cohort(cohorts, "Autumn 2027", "saf-2023", List.of("QS-S3", "QS-S1")));

            Checkin s1 =
                    checkins.save(kloe.id(), 1, "S1", ANSWERS, "u1", T0, false).checkin();
            Checkin qs = checkins.save(saf.id(), 1, "QS-S3", ANSWERS, "u1", T0, false)
                    .checkin();

            assertThat(List.of(s1.framework(), s1.code())).containsExactly("kloe-2017", "S1");
            assertThat(List.of(qs.framework(), qs.code())).containsExactly("saf-2023", "QS-S3");
            Checkin edited = checkins.save(
                            saf.id(),
                            1,
                            "QS-S3",
                            new CheckinAnswers(
                                    Rating.OUTSTANDING,
                                    "Ran two",
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty()),
                            "u1",
                            T0.plusSeconds(60),
                            false)
                    .checkin();
            assertThat(edited.revisions()).isEqualTo(2);
            assertThat(edited.framework()).isEqualTo("saf-2023");
            assertThat(checkins.forHome(saf.id()))
                    .extracting(Checkin::framework)
                    .containsExactly("saf-2023");
        }
    }

    @Test
    void check_ins_saved_before_v8_take_their_cohorts_framework_and_keep_their_code() throws SQLException {
        Path file = dir.resolve("before-v8.db");
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .target("7")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "INSERT INTO cohort (id, guild_id, name, framework, zone, start_date, prompt_at, reminder_at,"
                            + " close_at, summary_at, created_by, created_at) VALUES"
                            + " (1, 'g', 'Spring', 'kloe-2017', 'Europe/London', '2027-01-04', 'MONDAY 09:00',"
                            + " 'THURSDAY 12:00', 'SUNDAY 20:00', 'MONDAY 08:00', 'coach', '2027-01-01T00:00:00Z'),"
                            + " (2, 'g', 'Autumn', 'saf-2023', 'Europe/London', '2027-01-04', 'MONDAY 09:00',"
                            + " 'THURSDAY 12:00', 'SUNDAY 20:00', 'MONDAY 08:00', 'coach', '2027-01-01T00:00:00Z')",
                    "INSERT INTO cohort_item (cohort_id, position, code) VALUES (1, 1, 'S1'), (1, 2, 'S2'),"
                            + " (2, 1, 'QS-S3'), (2, 2, 'QS-S1')",
                    "INSERT INTO home (id, cohort_id, name, slug, created_at) VALUES"
                            + " (10, 1, 'Oak', 'oak', '2027-01-01T00:00:00Z'),"
                            + " (20, 2, 'Elm', 'elm', '2027-01-01T00:00:00Z')",
                    "INSERT INTO checkin (home_id, week, code, rating, did, submitted_by, submitted_at, updated_at)"
                            + " VALUES (10, 1, 'S1', 'good', 'x', 'u', '2027-01-05T09:00:00Z', '2027-01-05T09:00:00Z'),"
                            + " (10, 2, 'S2', 'good', 'x', 'u', '2027-01-12T09:00:00Z', '2027-01-12T09:00:00Z'),"
                            + " (20, 1, 'QS-S3', 'good', 'x', 'u', '2027-01-05T09:00:00Z', '2027-01-05T09:00:00Z'),"
                            + " (20, 2, '', 'good', 'x', 'u', '2027-01-12T09:00:00Z', '2027-01-12T09:00:00Z')")) {
                s.executeUpdate(sql);
            }
        }

        try (Database db = Database.open(file)) {
            JdbcCheckinRepository checkins = new JdbcCheckinRepository(db);
            assertThat(checkins.forHome(10))
                    .extracting(k -> k.framework() + " " + k.code())
                    .containsExactly("kloe-2017 S1", "kloe-2017 S2");
            assertThat(checkins.forHome(20))
                    .as("an empty code takes the cohort's item for the week")
                    .extracting(k -> k.framework() + " " + k.code())
                    .containsExactly("saf-2023 QS-S3", "saf-2023 QS-S1");
        }
    }

    private static Cohort cohort(JdbcCohortRepository cohorts, String name, String framework, List<String> items) {
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        return cohorts.create(new CohortRepository.NewCohort(
                "100000000000000001",
                name,
                framework,
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                rhythm,
                items,
                "coach",
                T0));
    }

    private static Home home(JdbcHomeRepository homes, Cohort c) {
        return homes.enrolAll(
                        c.id(),
                        List.of(new HomeRepository.NewHome(
                                "Oak House", "oak-house", Optional.empty(), Baseline.notRated(), List.of("u1"))),
                        T0)
                .get(0);
    }
}
