package uk.stepup.app;

import uk.stepup.app.cli.StepUpCommand;

/** Entry point of {@code target/stepup-bot.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(StepUpCommand.execute(args));
    }
}
