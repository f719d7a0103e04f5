package uk.stepup.improvement;

import uk.stepup.shared.Actor;

/**
 * Who made an improvement decision, as stored in a record's "by" column: the person's display name with their
 * Discord user id in brackets ("Alice, Oak House (123456)"), so a record says both who it was (the id, which does not
 * change) and how they were known at the time (the name, for people reading it back).
 */
public final class Who {
    private Who() {}

    /** "Alice, Oak House (123456)". */
    public static String of(Actor actor) {
        return actor.displayName() + " (" + actor.userId() + ")";
    }

    /** The name part of {@link #of}; a value stored without a name (a bare user id) is returned as it is. */
    public static String name(String stored) {
        int open = stored.lastIndexOf(" (");
        return open > 0 && stored.endsWith(")") ? stored.substring(0, open) : stored;
    }

    /** The user id part of {@link #of}; a bare user id is returned as it is. */
    public static String userId(String stored) {
        int open = stored.lastIndexOf(" (");
        return open > 0 && stored.endsWith(")") ? stored.substring(open + 2, stored.length() - 1) : stored;
    }
}
