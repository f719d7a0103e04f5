package uk.stepup.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;
import uk.stepup.sandbox.Permissions;

/** The bot's one permission set: the README, the invite URL and the sandbox's bot role all say the same. */
class BotPermissionsTest {

    @Test
    void readme_lists_exactly_the_set_in_its_order() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("exactly these bot permissions");
        assertThat(from).as("README's invite step names the permissions").isPositive();
        String sentence = readme.substring(from, readme.indexOf('.', readme.indexOf("*Read Message History*", from)));
        List<String> listed = new ArrayList<>();
        Matcher m = Pattern.compile("\\*([^*]+)\\*").matcher(sentence);
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(listed).containsExactlyElementsOf(BotPermissions.names());
    }

    @Test
    void sandbox_bot_role_holds_exactly_the_set() {
        assertThat(Permissions.BOT_DEFAULT).isEqualTo(BotPermissions.raw());
        assertThat(Permissions.BOT_DEFAULT & Permissions.ADMINISTRATOR).isZero();
    }

    @Test
    void invite_url_carries_the_scopes_and_the_permission_integer() {
        assertThat(BotPermissions.inviteUrl("123456789012345678"))
                .isEqualTo("https://discord.com/oauth2/authorize"
                        + "?client_id=123456789012345678&scope=bot+applications.commands&permissions="
                        + BotPermissions.raw());
        assertThat(Permission.getPermissions(BotPermissions.raw()))
                .containsAll(BotPermissions.all())
                .allSatisfy(p -> assertThat(BotPermissions.all()).anyMatch(q -> q.getRawValue() == p.getRawValue()));
    }

    @Test
    void the_set_is_what_spec_section_10_names_and_nothing_that_manages_other_peoples_things() {
        assertThat(BotPermissions.names())
                .containsExactlyInAnyOrder(
                        "View Channels",
                        "Manage Channels",
                        "Manage Roles",
                        "Send Messages",
                        "Send Messages in Threads",
                        "Create Public Threads",
                        "Embed Links",
                        "Attach Files",
                        "Read Message History",
                        "Create Events");
        assertThat(BotPermissions.all())
                .doesNotContainAnyElementsOf(EnumSet.of(
                        Permission.ADMINISTRATOR,
                        Permission.MANAGE_SERVER,
                        Permission.MANAGE_EVENTS,
                        Permission.MANAGE_THREADS,
                        Permission.MESSAGE_MANAGE,
                        Permission.MESSAGE_MENTION_EVERYONE));
    }

    @Test
    void overwrites_the_bot_writes_for_itself_stay_inside_the_set() {
        assertThat(BotPermissions.grantable(BotPermissions.IN_CHANNELS)).isTrue();
        assertThat(BotPermissions.grantable(EnumSet.of(Permission.MANAGE_THREADS)))
                .isFalse();
    }
}
