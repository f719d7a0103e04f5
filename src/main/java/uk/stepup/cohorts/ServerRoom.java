package uk.stepup.cohorts;

import java.util.List;

/**
 * How much room a cohort's Discord server has for more home channels. Discord allows 500 channels in a server,
 * categories included, and 50 channels in a category; home channels fill the cohort's own category, then its
 * overflow categories ("SUO · NAME · homes 2", …), and a new overflow category costs a channel of its own.
 *
 * @param channels          channels in the server now, categories included, threads not
 * @param freeInCategories  free places in each of the cohort's categories that take home channels (its own category
 *                          and the overflow categories that exist), in the order they are filled
 */
public record ServerRoom(int channels, List<Integer> freeInCategories) {
    /** Discord's limits (resources/guild: 500 channels in a server; resources/channel: 50 in a category). */
    public static final int SERVER_MAX = 500;

    public static final int CATEGORY_MAX = 50;

    public ServerRoom {
        freeInCategories = List.copyOf(freeInCategories);
    }

    /** How many more home channels fit: first the free places, then new overflow categories of 50. */
    public int homesThatFit() {
        int free = Math.max(0, SERVER_MAX - channels);
        int fit = 0;
        for (int place : freeInCategories) {
            int take = Math.min(Math.max(0, place), free);
            fit += take;
            free -= take;
        }
        while (free >= 2) {
            int take = Math.min(CATEGORY_MAX, free - 1);
            fit += take;
            free -= take + 1;
        }
        return fit;
    }
}
