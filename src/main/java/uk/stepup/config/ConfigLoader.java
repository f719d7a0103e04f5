package uk.stepup.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.stepup.shared.WeeklyTime;

/**
 * Reads {@code --config FILE}, else {@code config/stepup.yaml} if present, else the built-in defaults;
 * then applies the environment overrides of the spec ({@code STEPUP_DB}, {@code STEPUP_GUILD_ID},
 * {@code STEPUP_DISCORD_API_URL}, {@code STEPUP_DISCORD_GATEWAY_URL}) and checks every value.
 * Any mistake becomes a {@link ConfigException} naming the key.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_FILE = Path.of("config", "stepup.yaml");
    public static final String DISCORD_API_DEFAULT = "https://discord.com/api/v10/";
    public static final String DISCORD_GATEWAY_DEFAULT = "wss://gateway.discord.gg/";

    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{15,21}");
    /** kloe-2017, saf-2023, or the id of a framework added as files (lower case words joined by hyphens). */
    private static final Pattern FRAMEWORK = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Loads from the explicit file (must exist), or the default file if it exists, or defaults. */
    public StepUpConfig load(Optional<Path> explicitFile) {
        RawConfig raw;
        if (explicitFile.isPresent()) {
            Path file = explicitFile.get();
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("--config", "no such file: " + file);
            }
            raw = read(file);
        } else if (Files.isRegularFile(DEFAULT_FILE)) {
            raw = read(DEFAULT_FILE);
        } else {
            raw = new RawConfig();
        }
        return check(raw);
    }

    private static RawConfig read(Path file) {
        ObjectMapper yaml = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                return new RawConfig();
            }
            RawConfig raw = yaml.readValue(text, RawConfig.class);
            return raw == null ? new RawConfig() : raw;
        } catch (UnrecognizedPropertyException e) {
            String key = path(e);
            throw new ConfigException(
                    key,
                    "unknown key in " + file + " (known keys here: "
                            + e.getKnownPropertyIds().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", "))
                            + ")");
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamReadException parse) {
                throw notYaml(file, parse);
            }
            throw new ConfigException(path(e), "wrong type of value in " + file + " (see config/README.md)");
        } catch (JsonProcessingException e) {
            throw notYaml(file, e);
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static ConfigException notYaml(Path file, JsonProcessingException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String why = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
        return new ConfigException(file + ":" + line, "this is not valid YAML (" + why + ")");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private StepUpConfig check(RawConfig raw) {
        RawConfig.Discord d = raw.discord;
        String guildId = guildIds(source("STEPUP_GUILD_ID", "discord.guildId"), override("STEPUP_GUILD_ID", d.guildId));
        String coachRole = d.coachRole;
        if (coachRole == null || coachRole.isBlank() || coachRole.length() > 100) {
            throw new ConfigException("discord.coachRole", "give the name of the coach role (1 to 100 characters)");
        }
        String apiUrl = url(
                source("STEPUP_DISCORD_API_URL", "discord.apiUrl"),
                override("STEPUP_DISCORD_API_URL", d.apiUrl),
                "http",
                "https");
        String gatewayUrl = url(
                source("STEPUP_DISCORD_GATEWAY_URL", "discord.gatewayUrl"),
                override("STEPUP_DISCORD_GATEWAY_URL", d.gatewayUrl),
                "ws",
                "wss");

        String db = override("STEPUP_DB", raw.storage.database);
        if (db == null || db.isBlank()) {
            throw new ConfigException(source("STEPUP_DB", "storage.database"), "give a file path for the database");
        }

        String framework = raw.curriculum.framework;
        if (framework == null || !FRAMEWORK.matcher(framework).matches()) {
            throw new ConfigException(
                    "curriculum.framework",
                    "\"" + framework
                            + "\" is not a framework; use kloe-2017, saf-2023 or the folder name of one added in"
                            + " prompts/");
        }
        if (raw.curriculum.promptsDir == null || raw.curriculum.promptsDir.isBlank()) {
            throw new ConfigException("curriculum.promptsDir", "give the folder that holds the prompt files");
        }

        RawConfig.Schedule s = raw.schedule;
        ZoneId zone;
        try {
            zone = ZoneId.of(s.zone);
        } catch (DateTimeException | NullPointerException e) {
            throw new ConfigException(
                    "schedule.zone", "\"" + s.zone + "\" is not an IANA time zone such as Europe/London");
        }
        return new StepUpConfig(
                new StepUpConfig.Discord(guildId, coachRole.trim(), apiUrl, gatewayUrl),
                new StepUpConfig.Storage(Path.of(db)),
                new StepUpConfig.Curriculum(Path.of(raw.curriculum.promptsDir), framework),
                new StepUpConfig.Schedule(
                        zone,
                        weekly("schedule.prompt", s.prompt),
                        weekly("schedule.reminder", s.reminder),
                        weekly("schedule.close", s.close),
                        weekly("schedule.summary", s.summary)));
    }

    /**
     * The server ids, one or several separated by commas, each checked; written back without spaces, or null when
     * none is given. The message names the id that is wrong and its place in the list.
     */
    static String guildIds(String key, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",", -1);
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String id = parts[i].strip();
            String which = parts.length == 1 ? "" : " (the " + ordinal(i + 1) + " of " + parts.length + " ids)";
            if (id.isEmpty()) {
                throw new ConfigException(
                        key,
                        "an empty server id" + which + " in \"" + value.strip()
                                + "\"; separate server ids with single commas, e.g. 123456789012345678,234567890123456789");
            }
            if (!SNOWFLAKE.matcher(id).matches()) {
                throw new ConfigException(
                        key,
                        "\"" + id + "\"" + which
                                + " is not a Discord server id (15 to 21 digits; copy it with Developer Mode on)");
            }
            if (!ids.add(id)) {
                throw new ConfigException(key, id + " is listed twice; give each server once");
            }
        }
        return String.join(",", ids);
    }

    private static String ordinal(int n) {
        return n
                + (n % 100 >= 11 && n % 100 <= 13
                        ? "th"
                        : switch (n % 10) {
                            case 1 -> "st";
                            case 2 -> "nd";
                            case 3 -> "rd";
                            default -> "th";
                        });
    }

    private String override(String variable, String fromFile) {
        String v = env.get(variable);
        return v != null && !v.isBlank() ? v.trim() : fromFile;
    }

    private String source(String variable, String key) {
        String v = env.get(variable);
        return v != null && !v.isBlank() ? variable : key;
    }

    private static String url(String key, String value, String... schemes) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            for (String allowed : schemes) {
                if (allowed.equals(scheme) && uri.getHost() != null) {
                    return value;
                }
            }
        } catch (Exception e) {
            // fall through to the friendly message
        }
        throw new ConfigException(key, "\"" + value + "\" is not a " + String.join(" or ", schemes) + " URL");
    }

    static WeeklyTime weekly(String key, String value) {
        return WeeklyTime.parse(value)
                .orElseThrow(() -> new ConfigException(
                        key, "\"" + value + "\" is not a day and time; write it like MONDAY 09:00"));
    }
}
