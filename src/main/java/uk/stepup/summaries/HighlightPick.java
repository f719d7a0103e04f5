package uk.stepup.summaries;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which shared highlights a weekly summary or the outcome report shows, when more homes shared one than anyone can
 * read: up to {@link #SHOWN}, all of them in the order given; beyond that, {@link #SHOWN} of them picked at random, in
 * the order given. The pick depends only on the cohort, the week and the list, so the summary in the channel, its copy
 * in the week's thread and a post made again after a crash show the same ones. Nothing favours a home for its name,
 * its place in the enrolment order or how it chose to share.
 *
 * <p>Why a limit: at 600 homes a week brings about 150 shared highlights, at 15,000 homes nearly 4,000, which the
 * weekly summary spread over more than 90 Discord messages (and as many again in the thread). Ten read as a digest;
 * the coach's data export keeps every one.
 */
public final class HighlightPick {
    /** The most highlights shown for one week. */
    public static final int SHOWN = 10;

    private HighlightPick() {}

    /** The highlights to show for the cohort's week, out of those shared (already in display order). */
    public static <T> List<T> of(List<T> shared, long cohortId, int week) {
        return of(shared, cohortId, week, SHOWN);
    }

    static <T> List<T> of(List<T> shared, long cohortId, int week, int max) {
        if (shared.size() <= max) {
            return List.copyOf(shared);
        }
        List<Integer> order = new ArrayList<>(shared.size());
        for (int i = 0; i < shared.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(0x5eed_1a7e_11L ^ (cohortId * 1_000_003L + week)));
        List<Integer> chosen = new ArrayList<>(order.subList(0, max));
        Collections.sort(chosen);
        List<T> out = new ArrayList<>(max);
        chosen.forEach(i -> out.add(shared.get(i)));
        return List.copyOf(out);
    }
}
