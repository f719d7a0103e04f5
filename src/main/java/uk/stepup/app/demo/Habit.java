package uk.stepup.app.demo;

/** How a simulated manager behaves: when they check in, how keen they are, where their self-rating starts. */
enum Habit {
    PROMPT,
    STEADY,
    LATE_SOMETIMES,
    STRUGGLING,
    QUIET;

    /** How likely a manager with this habit is to do what the coach asks. */
    double keen() {
        return switch (this) {
            case PROMPT -> 0.95;
            case STEADY -> 0.85;
            case LATE_SOMETIMES -> 0.6;
            case STRUGGLING -> 0.4;
            case QUIET -> 0.1;
        };
    }

    /** The score (1 to 4) a manager with this habit rates their home at before the programme lifts it. */
    int startingScore() {
        return switch (this) {
            case PROMPT -> 3;
            case STEADY, LATE_SOMETIMES, STRUGGLING -> 2;
            case QUIET -> 1;
        };
    }

    /** Homes with steady habits take the programme's falls work to heart. */
    boolean takesItToHeart() {
        return this == PROMPT || this == STEADY;
    }
}
