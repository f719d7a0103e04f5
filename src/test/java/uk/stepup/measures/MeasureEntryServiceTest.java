package uk.stepup.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.measures.spc.ImprovementDirection;
import uk.stepup.storage.JdbcMeasureDrafts;

class MeasureEntryServiceTest {
    @TempDir
    Path dir;

    /** A Discord modal's limits, as the Discord side passes them in. */
    static final MeasureForm.Limits MODAL = new MeasureForm.Limits(5, 45, 100);

    MeasuresFixture f;
    MeasureEntryService desk;

    @BeforeEach
    void open() {
        f = new MeasuresFixture(dir);
        desk = new MeasureEntryService(f.cohorts, f.homes, f.measures, f.guard, new JdbcMeasureDrafts(f.db), f.clock);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private MeasureForm form(int week, int page) {
        MeasureEntryResult r =
                desk.open(f.alice, new MeasureForm.PageRef(f.oak.id(), week, page), Optional.empty(), MODAL);
        assertThat(r).isInstanceOf(MeasureEntryResult.Opened.class);
        return ((MeasureEntryResult.Opened) r).form();
    }

    @Test
    void nothing_is_offered_without_measures_and_one_page_for_a_few() {
        f.clock.set(f.inWeek(1));
        assertThat(desk.offer(f.oak.id(), 1, MODAL)).isEmpty();
        f.falls();
        MeasureForm.Offer offer = desk.offer(f.oak.id(), 1, MODAL).orElseThrow();
        assertThat(offer.at()).isEqualTo(new MeasureForm.PageRef(f.oak.id(), 1, 1));
        assertThat(offer.pages()).isEqualTo(1);
    }

    @Test
    void a_weekly_value_is_for_the_programme_week_and_a_rate_is_calculated_from_its_counts() {
        f.clock.set(f.inWeek(3));
        Measure falls = f.falls();
        Measure rate = f.fallsRate(Frequency.WEEKLY);
        MeasureForm form = form(3, 1);
        assertThat(form.at()).isEqualTo(new MeasureForm.PageRef(f.oak.id(), 3, 1));
        assertThat(form.pages()).isEqualTo(1);
        assertThat(form.inputs())
                .extracting(MeasureForm.Input::id)
                .containsExactly("m" + falls.id(), "m" + rate.id() + "n", "m" + rate.id() + "d");
        assertThat(form.inputs().get(0).label()).isEqualTo("Falls (count)");
        assertThat(form.inputs().get(0).description())
                .contains("week of 18 Jan 2027")
                .contains("lower is better");
        assertThat(form.inputs().get(1).label()).isEqualTo("Falls rate: falls");
        assertThat(form.inputs().get(2).label()).isEqualTo("Falls rate: occupied bed days");
        form.inputs().forEach(in -> {
            assertThat(in.label().length()).isLessThanOrEqualTo(MODAL.labelMax());
            assertThat(in.description().length()).isLessThanOrEqualTo(MODAL.descriptionMax());
        });

        MeasureEntryResult r = desk.submit(
                f.alice,
                new MeasureForm.PageRef(f.oak.id(), 3, 1),
                Map.of("m" + falls.id(), " 4 ", "m" + rate.id() + "n", "6", "m" + rate.id() + "d", "1,450"),
                MODAL);
        assertThat(r).isInstanceOf(MeasureEntryResult.Saved.class);
        MeasureEntryResult.Saved saved = (MeasureEntryResult.Saved) r;
        assertThat(saved.homeName()).isEqualTo("Oak House");
        assertThat(saved.entered())
                .extracting(MeasureEntryResult.Entered::words)
                .containsExactly("Falls 4", "Falls rate 4.14 (6 ÷ 1,450)");
        assertThat(saved.next()).isEmpty();
        List<MeasureValue> stored = f.measures.forHome(f.oak.id());
        assertThat(stored).hasSize(2);
        assertThat(stored).allSatisfy(v -> {
            assertThat(v.period()).isEqualTo(LocalDate.of(2027, 1, 18));
            assertThat(v.source()).isEqualTo(MeasureValue.Source.ENTERED);
            assertThat(v.week()).hasValue(3);
            assertThat(v.enteredBy()).isEqualTo("alice");
        });
        MeasureValue rv = stored.stream()
                .filter(v -> v.measureId() == rate.id())
                .findFirst()
                .orElseThrow();
        assertThat(rv.value()).isCloseTo(6 / 1450.0 * 1000, Offset.offset(1e-9));
        assertThat(rv.numerator()).hasValue(6);
        assertThat(rv.denominator()).hasValue(1450);

        // Reopening shows what is stored, so a mistake can be corrected in place.
        assertThat(form(3, 1).inputs()).extracting(in -> in.value().orElse("")).containsExactly("4", "6", "1450");
        desk.submit(f.alice, new MeasureForm.PageRef(f.oak.id(), 3, 1), Map.of("m" + falls.id(), "5"), MODAL);
        assertThat(f.measures.forHome(f.oak.id()))
                .filteredOn(v -> v.measureId() == falls.id())
                .extracting(MeasureValue::value)
                .containsExactly(5.0);
    }

    @Test
    void more_than_five_boxes_are_paged_and_a_rate_is_never_split() {
        f.clock.set(f.inWeek(1));
        for (int i = 1; i <= 4; i++) {
            f.plain("Measure " + i, ImprovementDirection.INCREASE, Frequency.WEEKLY, OptionalDouble.empty());
        }
        Measure rate = f.fallsRate(Frequency.WEEKLY);
        MeasureForm.Offer offer = desk.offer(f.oak.id(), 1, MODAL).orElseThrow();
        assertThat(offer.pages()).isEqualTo(2);
        MeasureForm one = form(1, 1);
        assertThat(one.pages()).isEqualTo(2);
        assertThat(one.inputs()).hasSize(4);
        MeasureForm two = form(1, 2);
        assertThat(two.inputs())
                .extracting(MeasureForm.Input::id)
                .containsExactly("m" + rate.id() + "n", "m" + rate.id() + "d");

        MeasureEntryResult.Saved saved = (MeasureEntryResult.Saved)
                desk.submit(f.alice, new MeasureForm.PageRef(f.oak.id(), 1, 1), Map.of(), MODAL);
        assertThat(saved.entered()).isEmpty();
        assertThat(saved.next()).contains(new MeasureForm.Offer(new MeasureForm.PageRef(f.oak.id(), 1, 2), 2));
    }

    @Test
    void a_word_instead_of_a_number_saves_nothing_and_the_form_reopens_with_what_was_typed() {
        f.clock.set(f.inWeek(2));
        Measure falls = f.falls();
        Measure rate = f.fallsRate(Frequency.WEEKLY);
        Map<String, String> typed = new HashMap<>();
        typed.put("m" + falls.id(), "twelve");
        typed.put("m" + rate.id() + "n", "3");
        MeasureEntryResult r = desk.submit(f.alice, new MeasureForm.PageRef(f.oak.id(), 2, 1), typed, MODAL);
        assertThat(r).isInstanceOf(MeasureEntryResult.Invalid.class);
        MeasureEntryResult.Invalid invalid = (MeasureEntryResult.Invalid) r;
        assertThat(invalid.problem())
                .isEqualTo(new MeasureEntryResult.Unusable(List.of(
                        new MeasureEntryResult.NotANumber("Falls", Optional.empty()),
                        new MeasureEntryResult.NeedsBoth("Falls rate", "falls", "occupied bed days"))));
        assertThat(invalid.retry()).isEqualTo(new MeasureForm.Offer(new MeasureForm.PageRef(f.oak.id(), 2, 1), 1));
        assertThat(f.measures.forHome(f.oak.id())).isEmpty();

        // Bob trying Alice's draft token on his own home's form gets an empty form and leaves her draft alone.
        MeasureEntryResult.Opened bobs = (MeasureEntryResult.Opened)
                desk.open(f.bob, new MeasureForm.PageRef(f.elm.id(), 2, 1), Optional.of(invalid.draft()), MODAL);
        assertThat(bobs.form().inputs()).allSatisfy(in -> assertThat(in.value()).isEmpty());
        MeasureEntryResult.Opened reopened = (MeasureEntryResult.Opened)
                desk.open(f.alice, new MeasureForm.PageRef(f.oak.id(), 2, 1), Optional.of(invalid.draft()), MODAL);
        assertThat(reopened.form().inputs())
                .extracting(in -> in.value().orElse(""))
                .containsExactly("twelve", "3", "");
        // A draft is used once and only by the person who typed it.
        assertThat(((MeasureEntryResult.Opened) desk.open(
                                f.alice,
                                new MeasureForm.PageRef(f.oak.id(), 2, 1),
                                Optional.of(invalid.draft()),
                                MODAL))
                        .form()
                        .inputs()
                        .get(0)
                        .value())
                .isEmpty();
    }

    @Test
    void an_identifier_in_a_box_is_refused_not_echoed_and_not_kept() {
        f.clock.set(f.inWeek(2));
        Measure falls = f.falls();
        Measure other =
                f.plain("Hospital admissions", ImprovementDirection.DECREASE, Frequency.WEEKLY, OptionalDouble.empty());
        MeasureEntryResult r = desk.submit(
                f.alice,
                new MeasureForm.PageRef(f.oak.id(), 2, 1),
                Map.of("m" + falls.id(), "943 476 5919", "m" + other.id(), "2"),
                MODAL);
        MeasureEntryResult.Invalid invalid = (MeasureEntryResult.Invalid) r;
        assertThat(invalid.problem()).isInstanceOf(MeasureEntryResult.MayIdentify.class);
        assertThat(invalid.problem().toString())
                .contains("NHS number")
                .contains("aggregate numbers only")
                .doesNotContain("5919");
        assertThat(f.measures.forHome(f.oak.id())).isEmpty();
        MeasureEntryResult.Opened reopened = (MeasureEntryResult.Opened)
                desk.open(f.alice, new MeasureForm.PageRef(f.oak.id(), 2, 1), Optional.of(invalid.draft()), MODAL);
        assertThat(reopened.form().inputs())
                .extracting(in -> in.value().orElse(""))
                .containsExactly("", "2");

        MeasureEntryResult.Invalid named = (MeasureEntryResult.Invalid) desk.submit(
                f.alice,
                new MeasureForm.PageRef(f.oak.id(), 2, 1),
                Map.of("m" + falls.id(), "2 (Mrs Higginbottom)"),
                MODAL);
        assertThat(named.problem().toString()).doesNotContain("Higginbottom");
    }

    @Test
    void a_monthly_measure_asks_for_last_month_once() {
        Measure monthly = f.fallsRate(Frequency.MONTHLY);
        f.falls();
        f.clock.set(f.inWeek(1));
        MeasureForm week1 = form(1, 1);
        assertThat(week1.inputs()).hasSize(3);
        assertThat(week1.inputs().get(0).description()).startsWith("Monthly, for Dec 2026");
        desk.submit(
                f.alice,
                new MeasureForm.PageRef(f.oak.id(), 1, 1),
                Map.of("m" + monthly.id() + "n", "7", "m" + monthly.id() + "d", "1,700"),
                MODAL);
        assertThat(f.measures.forHome(f.oak.id()))
                .extracting(MeasureValue::period)
                .containsExactly(LocalDate.of(2026, 12, 1));
        // Still in week 1's form (to correct it), but not asked again in week 2 or the rest of January.
        assertThat(form(1, 1).inputs()).hasSize(3);
        f.clock.set(f.inWeek(2));
        assertThat(form(2, 1).inputs()).extracting(MeasureForm.Input::label).containsExactly("Falls (count)");
        f.clock.set(f.inWeek(4));
        assertThat(form(4, 1).inputs()).hasSize(1);
        // Week 5 starts on 1 February: January is asked for.
        f.clock.set(f.inWeek(5));
        assertThat(form(5, 1).inputs().get(0).description()).startsWith("Monthly, for Jan 2027");
        // Another home has not entered December yet, so it is still asked for in week 2.
        f.clock.set(f.inWeek(2));
        assertThat(((MeasureEntryResult.Opened)
                                desk.open(f.bob, new MeasureForm.PageRef(f.elm.id(), 2, 1), Optional.empty(), MODAL))
                        .form()
                        .inputs())
                .hasSize(3);
    }

    @Test
    void only_the_home_s_managers_while_the_week_is_open() {
        f.falls();
        f.clock.set(f.inWeek(1));
        assertThat(desk.open(f.bob, new MeasureForm.PageRef(f.oak.id(), 1, 1), Optional.empty(), MODAL))
                .isInstanceOf(MeasureEntryResult.Refused.class);
        assertThat(desk.open(f.coach, new MeasureForm.PageRef(f.oak.id(), 1, 1), Optional.empty(), MODAL))
                .isInstanceOf(MeasureEntryResult.Refused.class);
        assertThat(desk.submit(f.bob, new MeasureForm.PageRef(f.oak.id(), 1, 1), Map.of("m1", "3"), MODAL))
                .isInstanceOf(MeasureEntryResult.Refused.class);
        MeasureEntryResult.Refused notYet = (MeasureEntryResult.Refused)
                desk.open(f.alice, new MeasureForm.PageRef(f.oak.id(), 2, 1), Optional.empty(), MODAL);
        assertThat(notYet.outcome().message()).contains("has not started");
        // Week 1's summary goes out on Monday 11 January at 08:00.
        f.clock.set(f.monday(2).atTime(8, 0).atZone(MeasuresFixture.LONDON).toInstant());
        MeasureEntryResult.Refused closed = (MeasureEntryResult.Refused)
                desk.submit(f.alice, new MeasureForm.PageRef(f.oak.id(), 1, 1), Map.of("m1", "3"), MODAL);
        assertThat(closed.outcome().message()).contains("summary has been posted");
        assertThat(f.measures.forHome(f.oak.id())).isEmpty();
    }
}
