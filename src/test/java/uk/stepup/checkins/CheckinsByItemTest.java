package uk.stepup.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.stepup.curriculum.Crosswalk;
import uk.stepup.shared.Rating;

/** A home's check-ins read under either framework, as plain Java. */
class CheckinsByItemTest {
    private static final Instant T = Instant.parse("2027-01-04T09:00:00Z");
    private static final Map<String, List<String>> CODES = new LinkedHashMap<>();

    static {
        CODES.put("kloe-2017", List.of("S1", "S2", "E1"));
        CODES.put("saf-2023", List.of("QS-S1", "QS-S2", "QS-S3", "QS-E1"));
        CODES.put("other", List.of("S1"));
    }

    private static final Crosswalk CROSSWALK = new Crosswalk(
            CODES,
            List.of(new Crosswalk.Pair(
                    "kloe-2017",
                    "saf-2023",
                    Map.of(
                            "S1", List.of("QS-S3"),
                            "S2", List.of("QS-S1", "QS-S2"),
                            "E1", List.of("QS-E1", "QS-S3")))));

    private static Checkin checkin(int week, String framework, String code) {
        return new Checkin(
                week,
                1,
                week,
                framework,
                code,
                new CheckinAnswers(Rating.GOOD, "did " + week, Optional.empty(), Optional.empty(), Optional.empty()),
                HighlightShare.NONE,
                false,
                1,
                "u",
                T,
                T);
    }

    private static Map<String, List<Integer>> weeks(Map<String, List<Checkin>> byItem) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        byItem.forEach((k, v) -> out.put(k, v.stream().map(Checkin::week).toList()));
        return out;
    }

    @Test
    void kloe_check_ins_read_under_the_quality_statements_count_towards_each_statement_they_map_to() {
        List<Checkin> home = List.of(checkin(3, "kloe-2017", "E1"), checkin(1, "kloe-2017", "S1"));

        Map<String, List<Checkin>> bySaf = CheckinsByItem.under("saf-2023", home, CROSSWALK);

        assertThat(weeks(bySaf))
                .containsExactly(
                        Map.entry("QS-S1", List.of()),
                        Map.entry("QS-S2", List.of()),
                        Map.entry("QS-S3", List.of(1, 3)),
                        Map.entry("QS-E1", List.of(3)));
    }

    @Test
    void quality_statement_check_ins_read_under_the_kloes_and_under_their_own_framework() {
        List<Checkin> home = List.of(checkin(1, "saf-2023", "QS-S3"), checkin(2, "saf-2023", "QS-S2"));

        assertThat(weeks(CheckinsByItem.under("kloe-2017", home, CROSSWALK)))
                .containsExactly(Map.entry("S1", List.of(1)), Map.entry("S2", List.of(2)), Map.entry("E1", List.of(1)));
        assertThat(weeks(CheckinsByItem.under("saf-2023", home, CROSSWALK)))
                .containsExactly(
                        Map.entry("QS-S1", List.of()),
                        Map.entry("QS-S2", List.of(2)),
                        Map.entry("QS-S3", List.of(1)),
                        Map.entry("QS-E1", List.of()));
    }

    @Test
    void a_framework_no_crosswalk_reaches_is_refused() {
        List<Checkin> home = List.of(checkin(1, "other", "S1"));
        assertThatThrownBy(() -> CheckinsByItem.under("saf-2023", home, CROSSWALK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No crosswalk from other to saf-2023");
        assertThatThrownBy(() -> CheckinsByItem.under("asc-2026", home, CROSSWALK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown framework asc-2026");
    }
}
