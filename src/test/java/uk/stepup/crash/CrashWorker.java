package uk.stepup.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import uk.stepup.app.BotModule;
import uk.stepup.app.ManualTimers;
import uk.stepup.config.StepUpConfig;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.prompts.YamlFrontMatter;
import uk.stepup.shared.WeeklyTime;

/**
 * The bot as a child process for the crash suite: the real composition root on a real database file, connected to
 * the driver's sandbox, with time read from a shared file. It answers tick requests ({@code tick-N} files) by firing
 * its timers and writing {@code done-N}; the driver kills it with SIGKILL at random moments.
 */
public final class CrashWorker {
    private CrashWorker() {}

    /** Arguments: control folder, database file, REST URL, gateway URL, token, guild id. */
    public static void main(String[] args) throws Exception {
        Path control = Path.of(args[0]);
        StepUpConfig config = new StepUpConfig(
                new StepUpConfig.Discord(args[5], "Coach", args[2], args[3]),
                new StepUpConfig.Storage(Path.of(args[1])),
                new StepUpConfig.Curriculum(Path.of("prompts"), "kloe-2017"),
                new StepUpConfig.Schedule(
                        ZoneId.of("Europe/London"),
                        WeeklyTime.parse("MONDAY 09:00").orElseThrow(),
                        WeeklyTime.parse("THURSDAY 12:00").orElseThrow(),
                        WeeklyTime.parse("SUNDAY 20:00").orElseThrow(),
                        WeeklyTime.parse("MONDAY 08:00").orElseThrow()));
        AtomicReference<ManualTimers> timers = new AtomicReference<>();
        BotModule bot = new BotModule(
                config,
                args[4],
                new CurriculumLoader(new YamlFrontMatter())
                        .load(Path.of("prompts"))
                        .curricula(),
                new FileClock(control.resolve("clock")),
                ticker -> {
                    ManualTimers t = new ManualTimers(ticker);
                    timers.set(t);
                    return t;
                });
        Files.writeString(control.resolve("ready-" + ProcessHandle.current().pid()), "ready");
        while (true) {
            try (var files = Files.list(control)) {
                for (Path p : files.filter(f -> f.getFileName().toString().startsWith("tick-"))
                        .sorted()
                        .toList()) {
                    String n = p.getFileName().toString().substring(5);
                    timers.get().fire();
                    Files.writeString(control.resolve("done-" + n), "done");
                    Files.deleteIfExists(p);
                }
            }
            Thread.sleep(10);
            if (bot.jda == null) {
                break;
            }
        }
    }
}
