package uk.stepup.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import uk.stepup.measures.Frequency;
import uk.stepup.measures.HomeMeasuresService;
import uk.stepup.measures.Measure;
import uk.stepup.measures.MeasureSpc;
import uk.stepup.measures.MeasureValue;
import uk.stepup.measures.Rate;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.measures.spc.Observation;

/** {@code /measures} as a manager reads it on Discord, written from the use case's values. */
class HomeMeasuresTextTest {
    static final Instant CREATED = Instant.parse("2027-01-01T09:00:00Z");
    static final LocalDate START = LocalDate.of(2027, 1, 4);
    /** Ten ordinary weeks, then seven lower ones: a shift below the mean. */
    static final double[] SHIFT_DOWN = {8, 9, 7, 8, 10, 8, 9, 7, 8, 9, 4, 3, 4, 5, 3, 4, 4};

    static Measure measure(int position, String name, String unit, Optional<Rate> rate) {
        return new Measure(
                position,
                1,
                name,
                unit,
                ImprovementDirection.DECREASE,
                OptionalDouble.empty(),
                Frequency.WEEKLY,
                rate,
                position,
                "coach",
                CREATED);
    }

    static HomeMeasuresService.Status status(Measure m, double... weekly) {
        List<MeasureValue> values = new ArrayList<>();
        for (int i = 0; i < weekly.length; i++) {
            values.add(new MeasureValue(
                    m.id(),
                    1,
                    START.plusWeeks(i),
                    weekly[i],
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    MeasureValue.Source.ENTERED,
                    OptionalInt.of(i + 1),
                    "alice",
                    CREATED));
        }
        List<Observation> obs =
                values.stream().map(v -> new Observation(v.period(), v.value())).toList();
        return new HomeMeasuresService.Status(m, values, MeasureSpc.chart(m, obs, START));
    }

    @Test
    void each_measure_has_its_definition_and_latest_value_and_the_charts_are_explained() {
        Measure falls = measure(1, "Falls", "count", Optional.empty());
        Measure rate =
                measure(2, "Falls rate", "falls per 1,000 bed days", Optional.of(new Rate("falls", "bed days", 1000)));
        String text = HomeMeasuresCommand.text(new HomeMeasuresService.Measures(
                "Oak House", "Spring 2027", List.of(status(falls, SHIFT_DOWN), status(rate)), List.of()));
        assertThat(text)
                .startsWith("**Oak House** · your measures in Spring 2027 (only you see this)")
                .contains("**1. Falls** · count · weekly · lower is better\nLatest **4**, week of ")
                .contains("Special cause improvement (lower)")
                .contains("**2. Falls rate**")
                .contains("No values yet.")
                .contains("grey points are common cause");
    }

    @Test
    void twelve_measures_with_long_names_still_fit_one_message() {
        List<HomeMeasuresService.Status> statuses = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            statuses.add(status(
                    measure(
                            i,
                            "Measure number " + i + " with a long name",
                            "things counted per 1,000 occupied bed days",
                            Optional.of(new Rate("things counted", "occupied bed days", 1000))),
                    3,
                    4));
        }
        String text = HomeMeasuresCommand.text(
                new HomeMeasuresService.Measures("Oak House", "Spring 2027", statuses, List.of()));
        assertThat(text.length()).isLessThanOrEqualTo(EmbedCard.CONTENT_MAX);
        assertThat(text).contains("**12. Measure number 12 with a long name**").contains("`/measure list`");
    }

    @Test
    void people_without_a_home_or_without_measures_are_told_why() {
        assertThat(HomeMeasuresCommand.text(new HomeMeasuresService.NoMeasures("Oak House", "Spring 2027")))
                .isEqualTo("**Oak House**: Spring 2027 has no measures yet. Your coach adds them with `/measure add`.");
        assertThat(HomeMeasuresCommand.text(new HomeMeasuresService.NotAManager(true)))
                .contains("As a coach");
        assertThat(HomeMeasuresCommand.text(new HomeMeasuresService.NotAManager(false)))
                .contains("not enrolled");
    }
}
