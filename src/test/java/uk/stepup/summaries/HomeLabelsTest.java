package uk.stepup.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.checkins.Checkin;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.HighlightShare;
import uk.stepup.cohorts.Baseline;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.cohorts.WeeklyRhythm;
import uk.stepup.shared.Rating;
import uk.stepup.shared.WeeklyTime;

/** The naming rule of shared reports: consent names a home; everyone else gets a letter that gives nothing away. */
class HomeLabelsTest {
    static final Instant T = Instant.parse("2027-01-05T10:00:00Z");

    @Test
    void letters_run_like_spreadsheet_columns() {
        assertThat(HomeLabels.letters(0)).isEqualTo("A");
        assertThat(HomeLabels.letters(25)).isEqualTo("Z");
        assertThat(HomeLabels.letters(26)).isEqualTo("AA");
        assertThat(HomeLabels.letters(27)).isEqualTo("AB");
        assertThat(HomeLabels.letters(701)).isEqualTo("ZZ");
        assertThat(HomeLabels.letters(702)).isEqualTo("AAA");
    }

    @Test
    void a_named_share_in_any_week_names_the_home_and_letters_follow_neither_names_nor_enrolment() {
        List<Home> homes = new ArrayList<>();
        String[] names = {"Ash", "Beech", "Cedar", "Damson", "Elm", "Fir", "Gorse", "Hazel", "Ivy", "Juniper"};
        for (int i = 0; i < names.length; i++) {
            homes.add(new Home(i + 1, 7, names[i], names[i].toLowerCase(), Optional.empty(), Optional.empty(),
                    Baseline.notRated(), List.of()));
        }
        // Cedar said "share with our name" once, in week 3; Beech shared anonymously.
        Map<Long, Map<Integer, Checkin>> checkins = Map.of(
                3L, Map.of(1, checkin(3, 1, HighlightShare.ANONYMOUS), 3, checkin(3, 3, HighlightShare.NAMED)),
                2L, Map.of(1, checkin(2, 1, HighlightShare.ANONYMOUS)));
        HomeLabels labels = HomeLabels.of(history(homes, checkins));
        assertThat(labels.label(homes.get(2))).isEqualTo("Cedar");
        assertThat(labels.named(homes.get(2))).isTrue();
        assertThat(labels.label(homes.get(1))).startsWith("Home ");
        assertThat(labels.inOrder().get(0).name()).isEqualTo("Cedar");

        List<String> anonymousInLetterOrder = labels.inOrder().subList(1, homes.size()).stream().map(Home::name).toList();
        List<String> byName = anonymousInLetterOrder.stream().sorted().toList();
        assertThat(anonymousInLetterOrder).as("letters must not follow names or enrolment").isNotEqualTo(byName);
        for (int i = 1; i < labels.inOrder().size(); i++) {
            assertThat(labels.label(labels.inOrder().get(i))).isEqualTo("Home " + HomeLabels.letters(i - 1));
        }
        // The same home keeps its letter every time.
        HomeLabels again = HomeLabels.of(history(homes, checkins));
        for (Home h : homes) {
            assertThat(again.label(h)).isEqualTo(labels.label(h));
        }
    }

    private static Checkin checkin(long homeId, int week, HighlightShare share) {
        return new Checkin(homeId * 100 + week, homeId, week, "S" + week, new CheckinAnswers(Rating.GOOD, "did",
                Optional.empty(), Optional.empty(), Optional.of("a highlight")), share, false, 1, "u", T, T);
    }

    private static ProgrammeHistory history(List<Home> homes, Map<Long, Map<Integer, Checkin>> checkins) {
        WeeklyRhythm rhythm = new WeeklyRhythm(WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(), WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        Cohort cohort = new Cohort(7, "g", "Spring", "kloe-2017", ZoneId.of("Europe/London"), LocalDate.of(2027, 1, 4),
                rhythm, Cohort.Status.ACTIVE, Optional.empty(), Cohort.Channels.none(), "coach", T);
        return new ProgrammeHistory(cohort, List.of(), List.of(), homes, checkins, Map.of(), List.of(), List.of(),
                List.of(), T);
    }
}
