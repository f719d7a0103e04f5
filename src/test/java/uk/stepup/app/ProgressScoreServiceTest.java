package uk.stepup.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.improvement.IhiScale;
import uk.stepup.improvement.ProgressScoreService;
import uk.stepup.privacy.PrivacyGuard;
import uk.stepup.shared.Actor;
import uk.stepup.shared.Outcome;
import uk.stepup.storage.JdbcProgressScoreRepository;

/** Who may score, which scores there are, and the week a score is given at, over a real SQLite file. */
class ProgressScoreServiceTest {
    static final Actor COACH = new Actor("1", "Cath", ProgrammeFixture.GUILD, true);

    @TempDir
    Path dir;

    ProgrammeFixture f;
    ProgressScoreService scores;

    @BeforeEach
    void open() {
        f = new ProgrammeFixture(dir.resolve("stepup.db"));
        Clock week3 = Clock.fixed(Instant.parse("2027-01-20T12:00:00Z"), ZoneOffset.UTC);
        scores = new ProgressScoreService(
                new JdbcProgressScoreRepository(f.db), f.cohorts, f.homes, new PrivacyGuard(week3), week3);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void a_coach_of_another_server_or_a_manager_is_refused() {
        Outcome otherServer =
                scores.set(new Actor("1", "Cath", "999", true), f.cohort, "Oak House", "3.0", Optional.empty());
        Outcome manager = scores.set(
                new Actor("201", "Alice", ProgrammeFixture.GUILD, false),
                f.cohort,
                "Oak House",
                "3.0",
                Optional.empty());
        assertThat(otherServer.kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(manager.kind()).isEqualTo(Outcome.Kind.REFUSED);
        assertThat(manager.message()).contains("Only coaches give progress scores");
        assertThat(scores.list(new Actor("1", "Cath", "999", true), f.cohort))
                .isInstanceOf(ProgressScoreService.Refused.class);
        assertThat(scores.history(f.oak.id())).isEmpty();
    }

    @Test
    void only_the_ten_steps_are_scores_and_a_score_is_kept_at_the_current_week() {
        for (String bad : new String[] {"0", "5.5", "3.2", "three", ""}) {
            assertThat(scores.set(COACH, f.cohort, "Oak House", bad, Optional.empty())
                            .kind())
                    .as(bad)
                    .isEqualTo(Outcome.Kind.INVALID);
        }
        assertThat(ProgressScoreService.parse("4.5")).contains(IhiScale.SUSTAINABLE);
        Outcome done = scores.set(COACH, f.cohort, "OAK HOUSE", "3.5", Optional.of("  Mats   adopted "));
        assertThat(done.ok()).isTrue();
        assertThat(done.message()).contains("Oak House scored 3.5 · Improvement at week 3. Its first score.");
        assertThat(scores.history(f.oak.id())).singleElement().satisfies(s -> {
            assertThat(s.week()).isEqualTo(3);
            assertThat(s.note()).isEqualTo("Mats adopted");
        });
    }

    @Test
    void a_note_with_an_identifier_is_refused_and_given_back_without_it() {
        Outcome refused =
                scores.set(COACH, f.cohort, "Oak House", "2.0", Optional.of("Ring 07700 900123 for the mats"));
        assertThat(refused.kind()).isEqualTo(Outcome.Kind.INVALID);
        assertThat(refused.message()).doesNotContain("07700 900123").contains("for the mats");
        assertThat(scores.history(f.oak.id())).isEmpty();
    }
}
