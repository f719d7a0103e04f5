package uk.stepup.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerRoomTest {

    @Test
    void a_new_cohort_on_an_empty_server_takes_its_category_then_overflow_categories_of_fifty() {
        // general, the cohort's category and its 4 channels: 46 places in the category, then 494 - 46 = 448 left,
        // which make 8 overflow categories of 50 (408 channels) and a ninth with 39 homes.
        ServerRoom room = new ServerRoom(6, List.of(46));
        assertThat(room.homesThatFit()).isEqualTo(46 + 8 * 50 + 39);
    }

    @Test
    void three_hundred_homes_fit_a_fresh_server_and_the_count_of_channels_includes_categories() {
        assertThat(new ServerRoom(6, List.of(46)).homesThatFit()).isGreaterThanOrEqualTo(300);
        // 500 channels exactly: nothing more, whatever the categories say.
        assertThat(new ServerRoom(500, List.of(46)).homesThatFit()).isZero();
        // One place left: it cannot hold a new category and a home.
        assertThat(new ServerRoom(499, List.of(0)).homesThatFit()).isZero();
        assertThat(new ServerRoom(498, List.of(0)).homesThatFit()).isEqualTo(1);
    }

    @Test
    void free_places_in_existing_categories_are_used_first_and_are_bounded_by_the_server() {
        assertThat(new ServerRoom(446, List.of(46)).homesThatFit()).isEqualTo(46 + 7);
        assertThat(new ServerRoom(480, List.of(46, 30)).homesThatFit()).isEqualTo(20);
        assertThat(new ServerRoom(400, List.of(0, 10)).homesThatFit()).isEqualTo(10 + 49 + 39);
    }
}
