package uk.stepup.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.stepup.app.demo.Demo;
import uk.stepup.config.ConfigLoader;
import uk.stepup.config.StepUpConfig;

/** {@code demo}: a whole simulated programme on the built-in local Discord. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Runs a whole simulated programme on the built-in local Discord (nothing leaves this machine).")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--homes", defaultValue = "12", description = "Number of care homes (default ${DEFAULT-VALUE}).")
    int homes;

    @Option(
            names = "--weeks",
            defaultValue = "24",
            description = "Programme weeks to simulate (default ${DEFAULT-VALUE}).")
    int weeks;

    @Option(
            names = "--out",
            defaultValue = "demo-out",
            paramLabel = "DIR",
            description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--seed",
            defaultValue = "7",
            description = "Random seed for the simulated people (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (homes < 1 || homes > 2000) {
            throw new UserError(ExitCodes.USAGE, "--homes: choose between 1 and 2000.");
        }
        if (weeks < 1 || weeks > 34) {
            throw new UserError(ExitCodes.USAGE, "--weeks: choose between 1 and 34.");
        }
        StepUpConfig defaults = new ConfigLoader(Map.of()).load(Optional.empty());
        long started = System.nanoTime();
        Demo.Result r = new Demo(homes, weeks, out, seed, Prompts.load(defaults)).run();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.println("Demo finished in " + seconds + " s: " + homes + " homes in " + r.cohorts()
                + (r.cohorts() == 1 ? " cohort, " : " cohorts (one Discord server each), ") + weeks + " weeks; "
                + r.checkins() + " check-ins (" + r.late() + " late), " + r.missed() + " missed; "
                + r.tasksDone() + " tasks marked done, " + r.attended() + " attendances, " + r.measureValues()
                + " weekly falls figures.");
        System.out.println("Read it as people saw it: " + r.transcript());
        System.out.println("The outcome report: " + r.report() + " (charts in " + r.charts() + ")"
                + (r.cohorts() > 1 ? "; the other cohorts' reports are in " + out.resolve("cohort-N") : ""));
        System.out.println("Every home's evidence portfolio: " + out.resolve("portfolios"));
        System.out.println("The database: " + r.database());
        System.out.println("Discord's OpenAPI check: " + r.requestsChecked() + " requests over " + r.operationsChecked()
                + " operations checked, " + r.violations() + " violations.");
        PeakMemory.read().ifPresent(kb -> System.out.println("Peak memory: " + (kb + 512) / 1024 + " MB resident."));
        if (r.violations() > 0) {
            System.out.println("The bot broke " + r.violations() + " Discord rules; see the transcript's end.");
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }
}
