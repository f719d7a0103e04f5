package uk.stepup.app;

import uk.stepup.app.cli.StepUpCommand;

/** Entry point of {@code target/stepup-bot.jar}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // A server has no display: charts for the report and the summaries are drawn off-screen.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(StepUpCommand.execute(args));
    }
}
