package uk.stepup.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast readers of stored instants and dates give exactly what {@code Instant.parse} and {@code LocalDate.parse} give. */
class SqlTest {

    @Test
    void every_instant_as_stored_reads_back_as_itself() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long second = -2_000_000_000L + (long) (random.nextDouble() * 6_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(second, nanos);
            assertThat(JdbcRows.instant(t.toString())).isEqualTo(t).isEqualTo(Instant.parse(t.toString()));
        }
    }

    @Test
    void instants_in_other_forms_are_read_as_instant_parse_reads_them() {
        for (String text : new String[] {
            "2027-01-05T10:00:00.5Z",
            "2027-01-05T10:00:00.123456789Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            "2027-01-05T10:00:00+01:00",
            "2016-12-31T23:59:60Z",
            "2027-01-05T24:00:00Z",
            "2027-01-05T10:00:00.Z"
        }) {
            assertThat(JdbcRows.instant(text)).as(text).isEqualTo(Instant.parse(text));
        }
        for (String bad : new String[] {
            "2027-02-30T10:00:00Z",
            "2027-01-05T10:0a:00Z",
            "2027-01-05 10:00:00Z",
            "2027-01-05T10:00:00.1234567890Z",
            "yesterday"
        }) {
            assertThatThrownBy(() -> JdbcRows.instant(bad)).as(bad).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> Instant.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    void dates_read_as_local_date_parse_reads_them() {
        LocalDate d = LocalDate.of(1900, 1, 1);
        for (int i = 0; i < 80_000; i++, d = d.plusDays(1)) {
            assertThat(JdbcRows.date(d.toString())).isEqualTo(d);
        }
        assertThat(JdbcRows.date("+10000-01-01")).isEqualTo(LocalDate.parse("+10000-01-01"));
        for (String bad :
                new String[] {"2027-02-29", "2027-13-01", "2027-00-10", "2027-1-10", "2027/01/10", "20a7-01-10"}) {
            assertThatThrownBy(() -> JdbcRows.date(bad)).as(bad).isInstanceOf(DateTimeException.class);
            assertThatThrownBy(() -> LocalDate.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }
}
