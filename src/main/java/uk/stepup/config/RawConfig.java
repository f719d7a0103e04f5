package uk.stepup.config;

/** The file as written, with the defaults of config/stepup.example.yaml; checked by {@link ConfigLoader}. */
final class RawConfig {
    public Discord discord = new Discord();
    public Storage storage = new Storage();
    public Curriculum curriculum = new Curriculum();
    public Schedule schedule = new Schedule();

    static final class Discord {
        public String guildId;
        public String coachRole = "Coach";
        public String apiUrl = ConfigLoader.DISCORD_API_DEFAULT;
        public String gatewayUrl = ConfigLoader.DISCORD_GATEWAY_DEFAULT;
    }

    static final class Storage {
        public String database = "data/stepup.db";
    }

    static final class Curriculum {
        public String promptsDir = "prompts";
        public String framework = "kloe-2017";
    }

    static final class Schedule {
        public String zone = "Europe/London";
        public String prompt = "MONDAY 09:00";
        public String reminder = "THURSDAY 12:00";
        public String close = "SUNDAY 20:00";
        public String summary = "MONDAY 08:00";
    }
}
