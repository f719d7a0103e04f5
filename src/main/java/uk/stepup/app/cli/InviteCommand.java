package uk.stepup.app.cli;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.stepup.discord.BotPermissions;

/** {@code invite}: the OAuth2 URL that adds the bot to a server with exactly the permissions it needs. */
@Command(
        name = "invite",
        mixinStandardHelpOptions = true,
        description = "Prints the URL that adds the bot to a server with exactly the permissions it needs.")
public final class InviteCommand implements Callable<Integer> {
    static final String NO_CLIENT_ID = "--client-id: give the bot's Application ID (developer portal, your application,"
            + " General Information, Application ID), or set DISCORD_TOKEN and the id is read from the token.";

    @Option(
            names = "--client-id",
            paramLabel = "ID",
            description = "The application's id (default: read from DISCORD_TOKEN, whose first part encodes it).")
    String clientId;

    @Override
    public Integer call() {
        String id = Optional.ofNullable(clientId)
                .map(String::strip)
                .or(() -> fromToken(System.getenv("DISCORD_TOKEN")))
                .orElseThrow(() -> new UserError(ExitCodes.USAGE, NO_CLIENT_ID));
        if (!id.matches("\\d{17,20}")) {
            throw new UserError(
                    ExitCodes.USAGE,
                    "--client-id: \"" + id + "\" is not an application id (17 to 20 digits,"
                            + " from the developer portal's General Information page).");
        }
        System.out.println(BotPermissions.inviteUrl(id));
        System.out.println();
        System.out.println("Open it as a server admin and pick the server. It asks for the scopes bot and");
        System.out.println("applications.commands and these permissions (" + BotPermissions.raw() + "), no more:");
        System.out.println(String.join(", ", BotPermissions.names()) + ".");
        System.out.println("Then keep the bot's role above the cohort roles it creates (Server Settings, Roles).");
        return ExitCodes.OK;
    }

    /**
     * A bot token's first part is the bot user's id in base64, and a bot's user id is its application's id. Empty when
     * there is no token or it does not look like one.
     */
    static Optional<String> fromToken(String token) {
        if (token == null || token.isBlank() || token.indexOf('.') < 1) {
            return Optional.empty();
        }
        try {
            String first = token.strip().substring(0, token.strip().indexOf('.'));
            String id = new String(
                    Base64.getUrlDecoder().decode(first.replace('+', '-').replace('/', '_')),
                    StandardCharsets.US_ASCII);
            return id.matches("\\d{17,20}") ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
