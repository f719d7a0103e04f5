package uk.stepup.app.demo;

import java.util.ArrayList;
import java.util.List;
import uk.stepup.sandbox.Sandbox;
import uk.stepup.sandbox.SandboxGuild;
import uk.stepup.sandbox.SandboxUser;

/**
 * The demo's people on their Discord servers, before the bot is there: one coach on every server, and the managers,
 * their homes shared out over as few servers as Discord's channel limit allows.
 *
 * @param managers for each server (in the order of {@code guilds}), its managers
 */
record Cast(SandboxUser coach, List<SandboxGuild> guilds, List<List<SimulatedManager>> managers) {

    /** Creates the people and servers for {@code homes} homes, at most {@code homesPerServer} on one server. */
    static Cast create(Sandbox sandbox, DemoText text, int homes, int homesPerServer) {
        SandboxUser coach = sandbox.createUser(text.coach().user(), text.coach().name());
        int serverCount = (homes + homesPerServer - 1) / homesPerServer;
        int perServer = (homes + serverCount - 1) / serverCount;
        List<SandboxGuild> guilds = new ArrayList<>();
        List<List<SimulatedManager>> people = new ArrayList<>();
        Habit[] habits = Habit.values();
        List<String> firstNames = text.managers();
        for (int s = 0; s < serverCount; s++) {
            SandboxGuild guild = sandbox.createGuild(serverCount == 1 ? text.server() : text.server() + " " + (s + 1));
            guild.addMember(coach, guild.createRole("Coach", 0));
            List<SimulatedManager> managers = new ArrayList<>();
            for (int i = s * perServer; i < Math.min(homes, (s + 1) * perServer); i++) {
                String home = i < text.homes().size() ? text.homes().get(i) : "Care Home " + (i + 1);
                String first = firstNames.get(i % firstNames.size());
                SandboxUser user = sandbox.createUser(first.toLowerCase() + (i + 1), first + " (" + home + ")");
                guild.addMember(user);
                managers.add(new SimulatedManager(user, home, habits[i % habits.length], i % 3 != 2, 3 + (i * 37 % 7)));
            }
            guilds.add(guild);
            people.add(managers);
        }
        return new Cast(coach, guilds, people);
    }

    /** The cohort's name on server {@code s} (from 0). */
    String cohortName(DemoText text, int s) {
        return guilds.size() == 1 ? text.cohort() : text.cohort() + " " + (s + 1);
    }

    /**
     * The server the bot's commands are registered on when there is one; {@code null} for more: then they are
     * registered globally, for every server the bot is in.
     */
    String commandGuildId() {
        return guilds.size() == 1 ? guilds.get(0).id() : null;
    }
}
