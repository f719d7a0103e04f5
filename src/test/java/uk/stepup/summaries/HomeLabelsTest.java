package uk.stepup.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
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
    void letters_of_each_length_in_alphabetical_order() {
        assertThat(HomeLabels.letters(0, 1)).isEqualTo("A");
        assertThat(HomeLabels.letters(25, 1)).isEqualTo("Z");
        assertThat(HomeLabels.letters(0, 2)).isEqualTo("AA");
        assertThat(HomeLabels.letters(27, 2)).isEqualTo("BB");
        assertThat(HomeLabels.letters(675, 2)).isEqualTo("ZZ");
    }

    @Test
    void the_letters_are_dealt_from_a_shuffled_alphabet_then_two_letter_labels() {
        List<Home> homes = homes(30);
        HomeLabels labels = HomeLabels.of(history(homes, Map.of()));
        List<String> first26 = homes.subList(0, 26).stream().map(labels::label).toList();
        assertThat(first26)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 26)
                        .mapToObj(i -> "Home " + HomeLabels.letters(i, 1))
                        .toList());
        assertThat(first26)
                .as("not dealt in alphabetical order")
                .isNotEqualTo(first26.stream().sorted().toList());
        assertThat(labels.label(homes.get(26))).matches("Home [A-Z]{2}");
        assertThat(labels.inOrder().subList(0, 26)).extracting(labels::label).isSortedAccordingTo(String::compareTo);
        assertThat(labels.label(labels.inOrder().get(26))).hasSize("Home AA".length());
    }

    @Test
    void a_named_share_in_any_week_names_the_home_and_nobody_elses_letter_moves() {
        List<Home> homes = homes(10);
        Map<String, String> before = labelsByName(HomeLabels.of(history(homes, Map.of())), homes);

        // Cedar said "share with our name" once, in week 3; Beech shared anonymously.
        Map<Long, Map<Integer, Checkin>> checkins = Map.of(
                3L, Map.of(1, checkin(3, 1, HighlightShare.ANONYMOUS), 3, checkin(3, 3, HighlightShare.NAMED)),
                2L, Map.of(1, checkin(2, 1, HighlightShare.ANONYMOUS)));
        HomeLabels labels = HomeLabels.of(history(homes, checkins));
        assertThat(labels.label(homes.get(2))).isEqualTo("Cedar");
        assertThat(labels.named(homes.get(2))).isTrue();
        assertThat(labels.named(homes.get(1))).isFalse();
        assertThat(labels.inOrder().get(0).name()).isEqualTo("Cedar");
        Map<String, String> after = labelsByName(labels, homes);
        for (Home h : homes) {
            if (h != homes.get(2)) {
                assertThat(after.get(h.name())).as(h.name()).isEqualTo(before.get(h.name()));
            }
        }

        // A home enrolled later takes a new letter; everyone keeps theirs.
        List<Home> more = new ArrayList<>(homes);
        more.add(home(11, "Kauri"));
        HomeLabels later = HomeLabels.of(history(more, checkins));
        for (Home h : homes) {
            assertThat(later.label(h)).isEqualTo(labels.label(h));
        }
        assertThat(later.label(more.get(10))).startsWith("Home ").isNotIn(after.values());
    }

    private static List<Home> homes(int n) {
        String[] names = {"Ash", "Beech", "Cedar", "Damson", "Elm", "Fir", "Gorse", "Hazel", "Ivy", "Juniper"};
        List<Home> homes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            homes.add(home(i + 1, i < names.length ? names[i] : "Home number " + (i + 1)));
        }
        return homes;
    }

    private static Home home(long id, String name) {
        return new Home(
                id,
                7,
                name,
                name.toLowerCase(Locale.ROOT),
                Optional.empty(),
                Optional.empty(),
                Baseline.notRated(),
                List.of());
    }

    private static Map<String, String> labelsByName(HomeLabels labels, List<Home> homes) {
        Map<String, String> m = new HashMap<>();
        homes.forEach(h -> m.put(h.name(), labels.label(h)));
        return m;
    }

    private static Checkin checkin(long homeId, int week, HighlightShare share) {
        return new Checkin(
                homeId * 100 + week,
                homeId,
                week,
                "kloe-2017",
                "S" + week,
                new CheckinAnswers(Rating.GOOD, "did", Optional.empty(), Optional.empty(), Optional.of("a highlight")),
                share,
                false,
                1,
                "u",
                T,
                T);
    }

    private static ProgrammeHistory history(List<Home> homes, Map<Long, Map<Integer, Checkin>> checkins) {
        WeeklyRhythm rhythm = new WeeklyRhythm(
                WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                WeeklyTime.parse("MONDAY 08:00").orElseThrow());
        Cohort cohort = new Cohort(
                7,
                "g",
                "Spring",
                "kloe-2017",
                ZoneId.of("Europe/London"),
                LocalDate.of(2027, 1, 4),
                rhythm,
                Cohort.Status.ACTIVE,
                Optional.empty(),
                Cohort.Channels.none(),
                "coach",
                T);
        return new ProgrammeHistory(
                cohort, List.of(), List.of(), homes, checkins, Map.of(), List.of(), List.of(), List.of(), List.of(), T);
    }
}
