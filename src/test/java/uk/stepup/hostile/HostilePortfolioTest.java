package uk.stepup.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.stepup.checkins.CheckinAnswers;
import uk.stepup.checkins.CheckinService;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.portfolio.PortfolioService;
import uk.stepup.shared.Actor;
import uk.stepup.shared.HomeId;
import uk.stepup.shared.Rating;

/**
 * The portfolio after hostile input went in through the use cases (homes named like markup, every hostile text in
 * every check-in field, identifiers the privacy guard refused): the same checks as the outcome report's. No markup but
 * the portfolio's own, the text shown escaped as typed, no identifier anywhere, and no home's words in another's.
 */
class HostilePortfolioTest {
    static final Instant NOW = Instant.parse("2027-01-05T10:00:00Z");
    static final Actor COACH = new Actor("100000000000000009", "Cath", "1", true);
    static final String COHORT = "=cmd|' /C calc'!A0 \"Spring\", 2027";

    @TempDir
    Path dir;

    @Test
    void portfolios_of_hostile_text_have_no_markup_but_their_own_and_no_identifiers() {
        try (HostileWorld w = new HostileWorld(dir.resolve("portfolio.db"), NOW)) {
            assertThat(w.admin
                            .create(COACH, COHORT, Optional.of("2027-01-04"), Optional.empty(), Optional.empty())
                            .ok())
                    .isTrue();
            Cohort cohort = w.cohorts.byName("1", COHORT).orElseThrow();
            List<String> names = List.of(
                    "<script>alert(1)</script> House",
                    "<img src=x onerror=alert(1)> Lodge",
                    "**Bold** __Court__ `code` ~~x~~",
                    "Café Ünïcödé 🧓🏽 Zalgo t̷̢̛e̵x̶t̸");
            List<Home> homes = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String manager = String.valueOf(200_000_000_000_000_000L + i);
                assertThat(w.enrolment
                                .enrol(COACH, cohort, names.get(i), manager)
                                .ok())
                        .as(names.get(i))
                        .isTrue();
                homes.add(w.homes.managedBy(cohort.id(), manager).orElseThrow());
            }
            CheckinService desk = w.features.checkins;
            List<String> hostile = HostileText.HOSTILE;
            int at = 0;
            for (int week = 1; week <= 4; week++) {
                w.clock.set(NOW.plus(Duration.ofDays(7L * (week - 1))));
                for (int i = 0; i < homes.size(); i++) {
                    Home home = homes.get(i);
                    Actor manager = new Actor(home.managerIds().get(0), "m", "1", false);
                    String tag = "home" + i + "week" + week + " ";
                    submit(
                            desk,
                            manager,
                            home,
                            week,
                            new CheckinAnswers(
                                    Rating.values()[(i + week) % 4],
                                    tag + hostile.get(at++ % hostile.size()),
                                    Optional.of(tag + hostile.get(at++ % hostile.size())),
                                    Optional.of(cut(tag + hostile.get(at++ % hostile.size()), 300)),
                                    Optional.of(tag + hostile.get(at++ % hostile.size()))));
                    // Identifiers are refused by the guard and never stored.
                    CheckinService.Result refused = desk.submit(
                            manager,
                            new HomeId(home.id()),
                            week,
                            new CheckinAnswers(
                                    Rating.GOOD,
                                    "ok",
                                    Optional.of(
                                            HostileText.IDENTIFIERS.get((i + week) % HostileText.IDENTIFIERS.size())),
                                    Optional.empty(),
                                    Optional.empty()));
                    assertThat(refused).isInstanceOf(CheckinService.Refused.class);
                }
            }
            assertThat(at).isGreaterThanOrEqualTo(hostile.size());

            List<String> problems = new ArrayList<>();
            for (int i = 0; i < homes.size(); i++) {
                PortfolioService.Result r = w.features.portfolio.forPerson(
                        COACH, Optional.of(homes.get(i).name()));
                assertThat(r.file()).as(homes.get(i).name()).isPresent();
                String html = new String(r.file().get().bytes(), StandardCharsets.UTF_8);
                String name = homes.get(i).name();
                problems.addAll(ExportCheck.foreignMarkup(html).stream()
                        .map(p -> name + ": " + p)
                        .toList());
                assertThat(html)
                        .doesNotContainIgnoringCase("<script")
                        .doesNotContainIgnoringCase("<img src=x")
                        .contains("home" + i + "week1 ")
                        .contains("=cmd|&#39; /C calc&#39;!A0 &quot;Spring&quot;, 2027");
                for (int other = 0; other < homes.size(); other++) {
                    if (other != i) {
                        assertThat(html).doesNotContain("home" + other + "week");
                    }
                }
                for (String core : HostileText.IDENTIFIER_CORES) {
                    assertThat(html).doesNotContain(core);
                }
            }
            assertThat(problems).isEmpty();
            String first = new String(
                    w.features
                            .portfolio
                            .forPerson(COACH, Optional.of(names.get(0)))
                            .file()
                            .orElseThrow()
                            .bytes(),
                    StandardCharsets.UTF_8);
            assertThat(first).contains("&lt;script&gt;alert(1)&lt;/script&gt; House");
        }
    }

    private static void submit(CheckinService desk, Actor manager, Home home, int week, CheckinAnswers answers) {
        CheckinService.Result result = desk.submit(manager, new HomeId(home.id()), week, answers);
        if (result instanceof CheckinService.Confirm c) {
            result = desk.confirm(manager, c.token());
        }
        assertThat(result).as(answers.toString()).isInstanceOf(CheckinService.Saved.class);
    }

    private static String cut(String s, int max) {
        return HostileText.cut(s, max);
    }
}
