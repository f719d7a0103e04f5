package uk.stepup.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.stepup.shared.CohortId;
import uk.stepup.shared.HomeId;
import uk.stepup.shared.TaskId;

/** Custom ids carry typed ids as the same numbers as before, so buttons posted before still route. */
class ComponentIdsTest {

    @Test
    void a_typed_id_is_written_as_its_number_and_read_back_as_its_type() {
        String open = ComponentIds.encode(ComponentIds.Action.CHECKIN_OPEN, new CohortId(42), 3, "p");
        assertThat(open).isEqualTo("ci:42:3:p");
        ComponentIds.Decoded d = ComponentIds.decode(open).orElseThrow();
        assertThat(d.cohortId(0)).isEqualTo(new CohortId(42));
        assertThat(d.intArg(1)).isEqualTo(3);

        String modal = ComponentIds.encode(ComponentIds.Action.CHECKIN_MODAL, new HomeId(7), 3);
        assertThat(modal).isEqualTo("cm:7:3");
        assertThat(ComponentIds.decode(modal).orElseThrow().homeId(0)).isEqualTo(new HomeId(7));

        assertThat(ComponentIds.decode(ComponentIds.encode(ComponentIds.Action.TASK_DONE, new TaskId(9)))
                        .orElseThrow()
                        .taskId(0))
                .isEqualTo(new TaskId(9));
    }
}
