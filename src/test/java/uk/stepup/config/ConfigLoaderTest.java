package uk.stepup.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("stepup.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void defaults_match_the_spec() {
        StepUpConfig c = new ConfigLoader(Map.of()).load(Optional.empty());
        assertThat(c.storage().database()).isEqualTo(Path.of("data/stepup.db"));
        assertThat(c.discord().coachRole()).isEqualTo("Coach");
        assertThat(c.discord().apiUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(c.schedule().zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(c.schedule().prompt().day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(c.schedule().prompt().time()).isEqualTo(LocalTime.of(9, 0));
        assertThat(c.schedule().reminder().day()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(c.schedule().close().day()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(c.schedule().summary().time()).isEqualTo(LocalTime.of(8, 0));
        assertThat(c.curriculum().framework()).isEqualTo("kloe-2017");
    }

    @Test
    void the_documented_example_file_loads_and_equals_the_defaults() {
        Path example = Path.of("config/stepup.example.yaml");
        StepUpConfig fromFile = new ConfigLoader(Map.of()).load(Optional.of(example));
        assertThat(fromFile).isEqualTo(new ConfigLoader(Map.of()).load(Optional.empty()));
    }

    @Test
    void file_values_are_read_and_environment_overrides_them() throws IOException {
        Path f = write("""
                discord:
                  guildId: "123456789012345678"
                  coachRole: Lead coach
                storage:
                  database: /tmp/x.db
                schedule:
                  zone: America/New_York
                  reminder: Wed 7:30
                """);
        StepUpConfig c = new ConfigLoader(Map.of(
                        "STEPUP_DB",
                        "other.db",
                        "STEPUP_DISCORD_API_URL",
                        "http://127.0.0.1:9999/api/v10/",
                        "STEPUP_DISCORD_GATEWAY_URL",
                        "ws://127.0.0.1:9999/gateway"))
                .load(Optional.of(f));
        assertThat(c.discord().guildId()).isEqualTo("123456789012345678");
        assertThat(c.discord().coachRole()).isEqualTo("Lead coach");
        assertThat(c.storage().database()).isEqualTo(Path.of("other.db"));
        assertThat(c.discord().apiUrl()).isEqualTo("http://127.0.0.1:9999/api/v10/");
        assertThat(c.discord().gatewayUrl()).isEqualTo("ws://127.0.0.1:9999/gateway");
        assertThat(c.schedule().zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(c.schedule().reminder().day()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(c.schedule().reminder().time()).isEqualTo(LocalTime.of(7, 30));
    }

    @Test
    void an_unknown_key_is_named() throws IOException {
        Path f = write("schedule:\n  promt: MONDAY 09:00\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(f)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("schedule.promt: unknown key")
                .hasMessageContaining("prompt");
    }

    @Test
    void a_bad_zone_is_named() throws IOException {
        Path f = write("schedule:\n  zone: Europe/Londn\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(f)))
                .hasMessage("schedule.zone: \"Europe/Londn\" is not an IANA time zone such as Europe/London");
    }

    @Test
    void a_bad_time_is_named() throws IOException {
        Path f = write("schedule:\n  close: Sunday at eight\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(f)))
                .hasMessageStartingWith("schedule.close: ");
    }

    @Test
    void a_bad_guild_id_from_the_environment_names_the_variable() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of("STEPUP_GUILD_ID", "my server")).load(Optional.empty()))
                .hasMessageStartingWith("STEPUP_GUILD_ID: ");
    }

    @Test
    void several_servers_are_listed_with_commas_and_each_id_is_checked() throws IOException {
        StepUpConfig c = new ConfigLoader(Map.of("STEPUP_GUILD_ID", " 123456789012345678 , 234567890123456789"))
                .load(Optional.empty());
        assertThat(c.discord().guildId()).isEqualTo("123456789012345678,234567890123456789");
        assertThat(c.discord().guildIds()).containsExactly("123456789012345678", "234567890123456789");
        Path f = write("discord:\n  guildId: \"123456789012345678,2345678901234\"\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(f)))
                .hasMessage("discord.guildId: \"2345678901234\" (the 2nd of 2 ids) is not a Discord server id (15 to 21"
                        + " digits; copy it with Developer Mode on)");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("STEPUP_GUILD_ID", "123456789012345678,,234567890123456789"))
                        .load(Optional.empty()))
                .hasMessageStartingWith("STEPUP_GUILD_ID: an empty server id (the 2nd of 3 ids)");
        assertThatThrownBy(() -> new ConfigLoader(Map.of("STEPUP_GUILD_ID", "123456789012345678,123456789012345678"))
                        .load(Optional.empty()))
                .hasMessage("STEPUP_GUILD_ID: 123456789012345678 is listed twice; give each server once");
        assertThat(new ConfigLoader(Map.of()).load(Optional.empty()).discord().guildIds())
                .isEmpty();
    }

    @Test
    void a_bad_url_and_framework_are_named() throws IOException {
        assertThatThrownBy(
                        () -> new ConfigLoader(Map.of("STEPUP_DISCORD_GATEWAY_URL", "http://x")).load(Optional.empty()))
                .hasMessageStartingWith("STEPUP_DISCORD_GATEWAY_URL: ");
        // Any framework id is accepted here (one may be added as files); validate and run check its folder exists.
        Path f = write("curriculum:\n  framework: KLOE 2017\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(f)))
                .hasMessageStartingWith("curriculum.framework: ");
    }

    @Test
    void broken_yaml_and_wrong_types_and_missing_files_are_config_errors() throws IOException {
        Path broken = write("discord:\n  guildId: \"unclosed\n  coachRole: x\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(broken)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
        Path wrongType = write("storage: just a path\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(wrongType)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("storage: ");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(Optional.of(dir.resolve("nope.yaml"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--config: no such file");
    }
}
