package uk.stepup.checkins;

/**
 * Port: what follows a check-in's next step (the {@code actions} feature makes it an action of the home). Called
 * after every save of a check-in, including a save that changed nothing, once the check-in is committed; it must be
 * safe to call again with the same check-in.
 */
public interface NextSteps {
    /** Nothing follows: for wirings without the actions feature. */
    NextSteps NONE = checkin -> {};

    void saved(Checkin checkin);
}
