package uk.stepup.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.stepup.cohorts.Cohort;
import uk.stepup.cohorts.Home;
import uk.stepup.sandbox.SandboxAttachment;
import uk.stepup.sandbox.SandboxChannel;
import uk.stepup.sandbox.SandboxMessage;
import uk.stepup.sandbox.SandboxRole;
import uk.stepup.sandbox.SandboxUser;

/**
 * {@code /cohort import} as a background job (spec section 10), through the real JDA client and the sandbox with
 * Discord's limits on channels and roles: a file that cannot fit the server is refused at once; a manager who is not
 * on the server refuses the whole file in the report; a restart in the middle resumes the job without doing anything
 * twice.
 */
class SetupJobsEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Instant CREATED = Instant.parse("2027-02-24T10:00:00Z");
    static final String HEADER = "home,cqc_location_id,managers,overall,safe,effective,caring,responsive,well_led\n";

    @RegisterExtension
    final EndToEnd e2e = EndToEnd.startingAt(CREATED).withoutRuleCheck();

    private static SandboxAttachment file(String csv) {
        return SandboxAttachment.of("homes.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String create(BotHarness h, String name) {
        return h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort create", Map.of("name", name, "start", "2027-03-01"), h.general)
                .awaitReply(WAIT)
                .content();
    }

    @Test
    void a_file_that_cannot_fit_the_server_is_refused_at_once_saying_how_many_homes_fit() throws Exception {
        BotHarness h = e2e.harness();
        create(h, "Full");
        // 446 channels: 54 places left; 46 in the cohort's category (it holds its 4 channels), then one overflow
        // category with room for 7 before the server's 500.
        for (int n = (int)
                        h.guild.channels().stream().filter(c -> !c.isThread()).count();
                n < 446;
                n++) {
            h.guild.createTextChannel("filler-" + n, null);
        }
        h.sandbox.await(
                WAIT, () -> h.bot.jda.getGuildById(h.guild.id()).getChannels().size() == 446);
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 54; i++) {
            csv.append("Home ")
                    .append(i)
                    .append(",,")
                    .append(400_000_000_000_000_000L + i)
                    .append(",,,,,,\n");
        }
        String answer = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort import", Map.of("file", file(csv.toString())), h.general)
                .awaitReply(WAIT)
                .content();
        assertThat(answer)
                .startsWith("⚠️ Nothing was imported")
                .contains("the file has 54 homes")
                .contains("room for the channels of 53 more homes")
                .contains("500 channels")
                .contains("has 446");
        Cohort full = h.bot.cohorts.byName(h.guild.id(), "Full").orElseThrow();
        assertThat(h.bot.homes.inCohort(full.id())).isEmpty();
        assertThat(h.bot.setupJobs.running(full.id())).isFalse();
        assertThat(h.sandbox.violations()).isEmpty();
    }

    @Test
    void a_manager_who_is_not_on_the_server_refuses_the_whole_file_in_the_report() throws Exception {
        BotHarness h = e2e.harness();
        create(h, "Strangers");
        String csv = HEADER + "Oak House,," + h.alice.id() + ",,,,,,\n"
                + "Elm Court,,400000000000000001,,,,,,\n"
                + "Ash Lodge,," + h.carol.id() + ",,,,,,\n";
        String answer = h.sandbox
                .as(h.coach, h.guild)
                .slash("cohort import", Map.of("file", file(csv)), h.general)
                .awaitReply(WAIT)
                .content();
        assertThat(answer).contains("The file is good: 3 homes with 3 managers");
        SandboxMessage report = h.setupReport("Strangers");
        assertThat(report.content())
                .contains("Nothing was imported into **Strangers**")
                .contains("line 3: managers: 400000000000000001 is not a member of this Discord server");
        assertThat(report.pingedUserIds()).containsExactly(h.coach.id());
        Cohort strangers = h.bot.cohorts.byName(h.guild.id(), "Strangers").orElseThrow();
        assertThat(h.bot.homes.inCohort(strangers.id())).isEmpty();
        SandboxRole role = h.guild.roleByName("SUO · Strangers").orElseThrow();
        assertThat(h.guild.member(h.alice).orElseThrow().hasRole(role))
                .as("the role is taken back")
                .isFalse();
        assertThat(h.guild.member(h.carol).orElseThrow().hasRole(role)).isFalse();
        assertThat(h.sandbox.violations()).isEmpty();
    }

    @Test
    void a_restart_in_the_middle_of_an_import_resumes_it_and_does_nothing_twice() throws Exception {
        BotHarness h = e2e.harness();
        int count = 14;
        List<SandboxUser> managers = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < count; i++) {
            SandboxUser m = h.sandbox.createUser("rm" + i, "Restart manager " + i);
            h.guild.addMember(m);
            managers.add(m);
            csv.append("Restart home ").append(i).append(",,").append(m.id()).append(",,,,,,\n");
        }
        create(h, "Restart");
        SandboxChannel coaches =
                h.guild.channelByName("SUO · Restart", "coaches").orElseThrow();
        assertThat(h.sandbox
                        .as(h.coach, h.guild)
                        .slash("cohort import", Map.of("file", file(csv.toString())), h.general)
                        .awaitReply(WAIT)
                        .content())
                .contains("The file is good");
        SandboxRole role = h.guild.roleByName("SUO · Restart").orElseThrow();
        // Discord's 10 role changes per 10 s: the bot stops with some managers admitted and no channel made.
        h.sandbox.await(
                WAIT,
                () -> managers.stream()
                                .filter(m -> h.guild.member(m).orElseThrow().hasRole(role))
                                .count()
                        >= 3);
        h.stop();
        h.start();

        SandboxMessage report = h.setupReport("Restart");
        assertThat(report.content())
                .contains("Imported 14 homes with 14 managers into **Restart**")
                .contains("Every home has its private channel");
        assertThat(coaches.messages()).anyMatch(m -> m.content().startsWith("The bot restarted during the import"));
        Cohort restart = h.bot.cohorts.byName(h.guild.id(), "Restart").orElseThrow();
        List<Home> homes = h.bot.homes.inCohort(restart.id());
        assertThat(homes).hasSize(count).allMatch(x -> x.channelId().isPresent());
        assertThat(h.guild.channels().stream()
                        .filter(c -> c.name().startsWith("home-restart-home-"))
                        .count())
                .as("one channel per home")
                .isEqualTo(count);
        assertThat(managers).allMatch(m -> h.guild.member(m).orElseThrow().hasRole(role));
        assertThat(h.bot.setupJobs.running(restart.id())).isFalse();
        assertThat(h.sandbox.violations()).isEmpty();
    }
}
