/**
 * The built-in local Discord: an HTTP + WebSocket server on 127.0.0.1 speaking Discord's v10 REST and gateway JSON,
 * enforcing Discord's limits. It powers the {@code demo} verb and the end-to-end tests, and it is independent of the
 * bot's own packages: nothing here imports JDA, so the bot's discord adapter stays the only JDA user.
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * try (Sandbox sb = Sandbox.start()) {                       // random port on 127.0.0.1
 *   SandboxGuild g = sb.createGuild("Care Homes North");     // owner, @everyone, the bot + "Step up bot" role, #general
 *   SandboxUser alice = sb.createUser("alice", "Alice Jones");
 *   g.addMember(alice, g.createRole("Coach", Permissions.MANAGE_GUILD));
 *   // JDA: RestConfig.setBaseUrl(sb.restBaseUrl()), SessionController.getGateway() -> sb.gatewayUrl(),
 *   //      token sb.botToken(), Compression.NONE
 *   InteractionHandle h = sb.as(alice, g).slash("checkin", Map.of(), g.channelByName("this-week").orElseThrow());
 *   SandboxModal modal = h.awaitResponse().modal();
 *   sb.as(alice, g).submitModal(modal, Map.of("rating", "good", "did", "...")).awaitResponse();
 *   assertThat(sb.violations()).isEmpty();
 *   TranscriptWriter.write(sb, Path.of("target/transcript.md"));
 * }
 * }</pre>
 *
 * <h2>Where things are</h2>
 * <ul>
 *   <li>{@link uk.stepup.sandbox.Sandbox} is the entry point for tests and the demo: it starts the server, sets up
 *       servers, people and channels, and reads back messages, violations and stats.
 *       {@link uk.stepup.sandbox.SandboxActor} ({@code sb.as(person, guild)}) is a person using the Discord client;
 *       {@link uk.stepup.sandbox.SandboxOptions} and {@link uk.stepup.sandbox.SandboxFaults} configure limits, clock
 *       and faults; {@link uk.stepup.sandbox.TranscriptWriter} writes what people would read.
 *   <li>{@code HttpFront} is the HTTP front: every request passes it (token, the OpenAPI check, rate limits and their
 *       headers, faults, errors as Discord's JSON, the {@code /attachments} CDN route) and it upgrades
 *       {@code /gateway} to a WebSocket served by {@code Gateway} (sessions, intents, dispatch, resume, READY and
 *       GUILD_CREATE).
 *   <li>{@code RestApi} is the route table; the routes live in one class per Discord resource, as Discord's developer
 *       docs group them: {@code UserRoutes} (users, DMs, gateway URL, application), {@code GuildRoutes} (the guild and
 *       its channel list), {@code RoleRoutes}, {@code MemberRoutes}, {@code ChannelRoutes} (one channel and its
 *       overwrites), {@code MessageRoutes} (messages, pins, reactions), {@code ThreadRoutes},
 *       {@code ScheduledEventRoutes}, {@code CommandRoutes} and {@code InteractionRoutes} (callbacks and the
 *       interaction webhook, whose rules are in {@code Interactions}). {@code RestChecks} holds the lookups and
 *       permission checks they share; {@code MessageRules}, {@code Drafts} and {@code FormErrors} check message,
 *       component, modal and command bodies; {@code PermissionMath} computes permissions; {@code OpenApiCheck} judges
 *       requests against Discord's document.
 *   <li>{@code SandboxState} is the state and its one lock; it keeps the options, ids and clock ({@code Snowflakes}),
 *       the users, violations, stats and gateway, and one store per resource: {@code GuildStore} (guilds, roles,
 *       members, scheduled events), {@code ChannelStore} (channels, DMs, threads and their auto-archiving),
 *       {@code MessageStore} (messages, pins, reactions, attachments), {@code CommandStore} and
 *       {@code InteractionTokens}. Every change goes through a store and dispatches the gateway events Discord would
 *       send. The public {@code Sandbox*} types ({@code SandboxGuild}, {@code SandboxChannel}, {@code SandboxMessage},
 *       ...) are views of that state.
 * </ul>
 *
 * <h2>Why mockwebserver3</h2>
 * The server is okhttp's {@code mockwebserver3} with a custom {@code Dispatcher} ({@code HttpFront}). It is the same
 * okhttp line JDA already ships (no new dependency), serves each connection on its own thread (so concurrent
 * requests and slow, delayed responses do not block each other), upgrades {@code /gateway} to a WebSocket with an
 * ordinary {@code WebSocketListener}, and can delay response headers for fault injection. The JDK's
 * {@code com.sun.net.httpserver} has no WebSocket support, so it would have needed a hand-written frame codec. The one
 * thing mockwebserver cannot do through okhttp's public API is drop a server-side WebSocket abruptly
 * ({@code cancel()} only works for client sockets), so {@code Gateway} uses okhttp's web socket failure path for that.
 * MockWebServer also queues every request it serves; the sandbox drains that queue so long demo runs do not grow.
 * Its accepted sockets set TCP_NODELAY: with Nagle's algorithm on, a response or gateway frame written in two parts
 * waited for the client's delayed ACK (40 ms on Linux), which once made most exchanges look 40 ms slow.
 *
 * <h2>Gateway</h2>
 * HELLO on connect (IDENTIFY may arrive first, as JDA sends it at once), IDENTIFY with token check (4004) and
 * privileged intent approval (4014, see {@link uk.stepup.sandbox.SandboxOptions#withPrivilegedIntents}), READY
 * ({@code resume_gateway_url}, {@code private_channels}, {@code application.id}) and GUILD_CREATE per guild with every
 * array JDA requires, {@code afk_timeout}, roles with {@code colors.primary_color}, the bot's own member (all members
 * when identified with GUILD_MEMBERS), channels with overwrites, active threads (never archived ones) and scheduled
 * events. A guild created while a session is live is one the bot joins: it gets GUILD_CREATE then, as Discord sends it
 * "when the current user joins a new Guild" (topics/gateway-events#guild-create), which JDA reports as a
 * GuildJoinEvent. Heartbeats are
 * ACKed; RESUME replays missed dispatches then sends RESUMED; an unknown or invalid session gets op 9. Op 8 (request
 * guild members) is answered with one GUILD_MEMBERS_CHUNK. A client closing with 1000/1001 ends its session, as on
 * Discord. Faults: abrupt drop, op 7, op 9, and an outage (connections accepted, IDENTIFY and RESUME answered only
 * when it ends). As on Discord, a resumed session gets every dispatch it missed, interactions included (late: one
 * older than three seconds can no longer be acknowledged), while a fresh IDENTIFY starts empty: what was dispatched
 * to an invalidated session, or while the bot had none, is gone, and the person sees "This interaction failed".
 *
 * <p>Dispatches, filtered by the intents the session identified with: GUILDS for CHANNEL_CREATE/UPDATE/DELETE,
 * CHANNEL_PINS_UPDATE, THREAD_CREATE/UPDATE/DELETE, GUILD_ROLE_CREATE/UPDATE/DELETE, GUILD_CREATE/UPDATE;
 * GUILD_MEMBERS (privileged) for GUILD_MEMBER_ADD/UPDATE/REMOVE; GUILD_MESSAGES / DIRECT_MESSAGES for
 * MESSAGE_CREATE/UPDATE/DELETE; GUILD_MESSAGE_REACTIONS / DIRECT_MESSAGE_REACTIONS for MESSAGE_REACTION_ADD/REMOVE;
 * GUILD_SCHEDULED_EVENTS for GUILD_SCHEDULED_EVENT_CREATE/UPDATE/DELETE; INTERACTION_CREATE always. Without
 * MESSAGE_CONTENT (privileged) other users' content, embeds, attachments and components are blanked unless the
 * message mentions the bot or is a DM, as Discord does; REST reads blank them too when the app is not approved.
 *
 * <h2>REST routes ({@code /api/v10/})</h2>
 * <ul>
 *   <li>{@code UserRoutes}: {@code GET users/@me}, {@code users/{id}}, {@code users/@me/guilds},
 *       {@code POST users/@me/channels} (DMs), {@code GET gateway}, {@code gateway/bot},
 *       {@code oauth2/applications/@me}, {@code applications/@me}.
 *   <li>Guilds: {@code GET guilds/{g}}; channels {@code GET/POST/PATCH guilds/{g}/channels} ({@code GuildRoutes});
 *       roles {@code GET/POST/PATCH guilds/{g}/roles}, {@code GET/PATCH/DELETE guilds/{g}/roles/{r}}
 *       ({@code RoleRoutes}); members {@code GET guilds/{g}/members} (needs GUILD_MEMBERS approval),
 *       {@code GET/PATCH guilds/{g}/members/{u}}, {@code PUT/DELETE guilds/{g}/members/{u}/roles/{r}}
 *       ({@code MemberRoutes}); {@code GET guilds/{g}/threads/active} ({@code ThreadRoutes}); scheduled events
 *       {@code GET/POST guilds/{g}/scheduled-events}, {@code GET/PATCH/DELETE .../{e}}, {@code GET .../{e}/users}
 *       ({@code ScheduledEventRoutes}).
 *   <li>Channels ({@code ChannelRoutes}): {@code GET/PATCH/DELETE channels/{c}},
 *       {@code PUT/DELETE channels/{c}/permissions/{id}}, {@code POST channels/{c}/typing}; messages
 *       ({@code MessageRoutes}) {@code GET/POST channels/{c}/messages} (JSON or multipart
 *       {@code files[n]} + {@code payload_json}; {@code limit/before/after/around}; {@code enforce_nonce} returns the
 *       first message), {@code GET/PATCH/DELETE channels/{c}/messages/{m}}, {@code POST .../bulk-delete}; pins on both
 *       {@code channels/{c}/pins/{m}} and JDA 6.5's {@code channels/{c}/messages/pins/{m}} (plus both list routes);
 *       reactions {@code PUT/DELETE .../reactions/{emoji}/@me}, {@code GET .../reactions/{emoji}},
 *       {@code DELETE .../reactions}; threads ({@code ThreadRoutes}) {@code POST channels/{c}/messages/{m}/threads} (thread id = message id),
 *       {@code POST channels/{c}/threads} (a "started a thread" system message is posted, as Discord does),
 *       thread members {@code PUT/DELETE/GET channels/{c}/thread-members[/@me|/{u}]}, archived public threads
 *       {@code GET channels/{c}/threads/archived/public} ({@code before}, {@code limit}, {@code has_more}).
 *   <li>Commands ({@code CommandRoutes}): {@code GET/PUT/POST applications/{app}/commands}, {@code GET/PATCH/DELETE .../commands/{id}}, the same
 *       under {@code applications/{app}/guilds/{g}/commands}, and {@code .../commands/permissions} (empty). Echoed with
 *       {@code id} (kept for a same-named command), {@code application_id}, {@code version}, defaults filled in.
 *   <li>Interactions ({@code InteractionRoutes}): {@code POST interactions/{id}/{token}/callback} (types 4, 5, 6, 7, 9; {@code ?with_response=true}
 *       answers {@code {interaction, resource}}), follow-ups {@code POST webhooks/{app}/{token}} ({@code ?wait=true};
 *       the first follow-up after a deferred reply replaces the "thinking" message), {@code GET/PATCH/DELETE
 *       webhooks/{app}/{token}/messages/{@original|id}} (for deferred or direct updates {@code @original} is the
 *       component's message).
 *   <li>{@code GET /attachments/{id}/{name}} (no auth, answered by {@code HttpFront}) serves stored files: the bot's uploads and files people attach
 *       to slash command options ({@code data.resolved.attachments}).
 * </ul>
 * An unknown route answers {@code 404 {"message":"404: Not Found","code":0}} and is recorded as a violation. A wrong or
 * missing token answers 401 (interaction routes do not need the token, as on Discord).
 *
 * <h2>Discord's OpenAPI document as the referee of every request</h2>
 * The sandbox carries Discord's published OpenAPI 3.1 document of the v10 HTTP API
 * ({@code src/main/resources/uk/stepup/sandbox/discord-api-spec/}: {@code openapi.json} from
 * https://github.com/discord/discord-api-spec, its MIT {@code LICENSE}, and {@code SOURCE.md} with the commit and
 * date). {@code OpenApiCheck} checks every request to {@code /api/v10/} against it before anything else happens to
 * the request (rate limits, faults, routing), so what the bot sends is judged by Discord's own description, not by
 * the sandbox's handlers, which the same hands wrote:
 * <ul>
 *   <li>the method and path must be a documented operation (a literal segment such as {@code @me} or
 *       {@code @original} wins over a parameter, as Discord routes), else {@code openapi-undocumented-route};
 *   <li>path parameters (snowflakes) and query parameters must fit their schemas, and a query parameter the
 *       operation does not list is {@code openapi-query-parameter};
 *   <li>a JSON body, or the {@code payload_json} part of a multipart body, must validate against the operation's
 *       request schema (JSON Schema 2020-12 through the OpenAPI 3.1 dialect of networknt's validator), else
 *       {@code openapi-request-body} naming the {@code operationId}, the JSON pointer and the message; a missing
 *       required body, a body where the operation takes none, or one that is not JSON are violations too.
 * </ul>
 * The document is parsed once per JVM (when the first sandbox starts, about a second on a busy two-core machine),
 * each operation's schema is built on first use (the busiest ones ahead, on a daemon thread), and a check costs
 * about a tenth of a millisecond once warm. {@link uk.stepup.sandbox.SandboxStats#openApiChecked()} and
 * {@link uk.stepup.sandbox.SandboxStats#openApiOperations()} count what was checked; with the system property
 * {@code stepup.sandbox.openapiReport} set (the build sets it to {@code target/openapi-check.txt}), each sandbox's
 * close rewrites that file with the JVM's totals: requests, operations seen (with counts) and every distinct finding.
 * The CDN download route {@code /attachments/...} and the gateway are not part of the REST API and are not checked.
 * The check is only as strict as the document: its schemas do not forbid unknown members, so a body that matches any
 * branch of an {@code anyOf} passes (PATCH {@code channels/{id}} for a thread accepts any
 * {@code auto_archive_duration} through its DM branch); the sandbox's own rules still judge those fields.
 *
 * <p><b>Tolerances</b> ({@code OpenApiCheck.TOLERANCES}; each applies to named operations at one body location or
 * query parameter, on a copy of the request, and only for what JDA 6.5 really sends and Discord accepts; no schema
 * is loosened):
 * <ul>
 *   <li>Integer snowflakes where the spec types a string: {@code attachments[].id} of message, follow-up and edit
 *       bodies and of an interaction callback's {@code data} (JDA numbers new uploads 0..n; Discord's own example
 *       uses {@code "id": 0}, reference#uploading-files); {@code permission_overwrites[].id} when creating or
 *       editing a channel (JDA's {@code PermOverrideData} writes a number); {@code recipient_id} when opening a DM
 *       (JDA's {@code openPrivateChannelById(long)}). Discord documents only that it returns snowflakes as strings, to
 *       spare clients without 64-bit integers (reference#snowflakes); the attachment case is documented, the other two
 *       are what every JDA bot sends to Discord, which takes them, so each stays limited to its one field.
 *   <li>Numeric strings where the spec types an integer: a command's {@code contexts[]} and
 *       {@code integration_types[]} (JDA's {@code InteractionContextType}/{@code IntegrationType.getType()} are
 *       strings) and {@code default_member_permissions} (JDA uses {@code Long.toUnsignedString}; Discord documents the
 *       field as a string, interactions/application-commands#application-command-object). The spec repository's
 *       README: "Our API accepts strings for int fields if they are parseable as ints."
 *   <li>{@code ?wait=true} on editing an interaction's message ({@code update_original_webhook_message},
 *       {@code update_webhook_message}): JDA's {@code InteractionHookImpl.editRequest} always adds it; the spec lists
 *       {@code wait} only for executing a webhook, and every JDA bot's interaction edits carry it and succeed on Discord,
 *       which ignores a query parameter an endpoint does not read.
 * </ul>
 *
 * <h2>Rules enforced and recorded as {@link uk.stepup.sandbox.Violation}s</h2>
 * Answered with Discord's JSON: 400 {@code 50035 Invalid Form Body} with the nested {@code errors} object, or the
 * specific code.
 * <ul>
 *   <li>Messages: content &le; 2000 (trimmed like Discord); &le; 10 embeds; embed title &le; 256, description &le; 4096,
 *       &le; 25 fields, field name &le; 256 and value &le; 1024 (both required), footer &le; 2048, author &le; 256,
 *       all embeds &le; 6000; URLs well formed ({@code attachment://} resolved); not empty (50006); &le; 10 files of
 *       &le; 10 MiB (413/40005); {@code allowed_mentions} parse/list conflicts.
 *   <li>Components: &le; 5 action rows, 1&ndash;5 per row, a select alone in its row, button label &le; 80 and label or
 *       emoji, custom ids 1&ndash;100 and unique in the message, link buttons with url and no custom id, select
 *       options 1&ndash;25 with label/value &le; 100 and unique values, min/max values; Components V2 (flag 1&lt;&lt;15):
 *       no content/embeds, allowed top-level types, &le; 40 components, &le; 4000 characters of text displays.
 *       Components get numeric {@code id}s as Discord assigns them.
 *   <li>Modals: title 1&ndash;45, 1&ndash;5 top-level components which must be LABEL (18) wrappers (or text displays),
 *       label &le; 45, description &le; 100, text inputs (style 1/2, min/max length 0&ndash;4000, value &le; max,
 *       placeholder &le; 100) or string selects; action-row modals are refused because JDA 6 reads no values from
 *       them. No modal in answer to a modal submit.
 *   <li>Interactions: one callback (40060 "Interaction has already been acknowledged"); within 3 seconds of dispatch in
 *       real time ({@code System.nanoTime}, not the simulated clock), else the interaction is marked failed ("This
 *       interaction failed") and a late callback gets 404 10062; callback types 6/7 only for components; follow-ups
 *       and edits only after the callback and for 15 minutes from the interaction's creation, measured on the
 *       sandbox's clock so a test can let a token expire mid-job (401 50027 Invalid Webhook Token after; Discord:
 *       "Interaction tokens are valid for 15 minutes",
 *       https://discord.com/developers/docs/interactions/receiving-and-responding).
 *   <li>Names: thread names 1&ndash;100 and valid auto-archive durations; API v10 requires the thread type; channel
 *       names 1&ndash;100, topics &le; 1024; text channel names are stored as Discord stores them (lower case, spaces to
 *       dashes) and the renaming is recorded as {@code channel-name-normalised} so lookups by the original name fail
 *       loudly; &le; 500 channels per guild, &le; 50 per category, no nested categories, &le; 250 roles, role names
 *       &le; 100, &le; 250 pins, &le; 20 reactions per message, &le; 100 scheduled events.
 *   <li>Commands: chat-input names {@code ^[-_\p{L}\p{N}]{1,32}$} lower case, descriptions 1&ndash;100, &le; 25
 *       options, required before optional, unique names, &le; 25 choices, nesting group &gt; subcommand, &le; 100 per
 *       scope.
 *   <li>Scheduled events: external (type 3) with {@code entity_metadata.location} 1&ndash;100, an end time after the
 *       start, start not in the past (by the sandbox clock), privacy level 2, name 1&ndash;100, description &le; 1000,
 *       valid status transitions.
 *   <li>Permissions of the bot, computed like Discord ({@code @everyone},
 *       roles, owner/Administrator, channel overwrites in order, threads from their parent, no VIEW_CHANNEL means
 *       nothing, no send means no embeds/files/mentions): VIEW_CHANNEL (50001 Missing Access), SEND_MESSAGES or
 *       SEND_MESSAGES_IN_THREADS, EMBED_LINKS, ATTACH_FILES, READ_MESSAGE_HISTORY, CREATE_PUBLIC/PRIVATE_THREADS,
 *       MANAGE_CHANNELS, MANAGE_THREADS, MANAGE_ROLES (only roles below the bot's highest role; a role or overwrite
 *       may only grant permissions the bot has; MANAGE_ROLES in overwrites only for administrators), CREATE_EVENTS to
 *       create a scheduled event and MANAGE_EVENTS, or CREATE_EVENTS for the bot's own event, to edit or delete one,
 *       MANAGE_MESSAGES (other people's messages), PIN_MESSAGES (or MANAGE_MESSAGES), ADD_REACTIONS
 *       (new reactions) &rarr; 403 50013 Missing Permissions. Editing someone else's message is 50005; DMs to a person
 *       who closed them, or shares no guild with the bot, are 50007 (not a violation: the bot must cope).
 *   <li>A channel created in a category without overwrites is synced with the category's overwrites.
 * </ul>
 *
 * <h2>Threads archive themselves</h2>
 * Each rule from Discord's developer documentation (discord.com/developers/docs):
 * <ul>
 *   <li>A thread archives after {@code auto_archive_duration} minutes without activity; activity is a message,
 *       unarchiving, or a new auto-archive time (topics/threads#active-archived-threads). Measured on the sandbox
 *       clock ({@link uk.stepup.sandbox.SandboxOptions#withClock}), which nobody announces moving, so the sandbox
 *       looks before every REST request, before a gateway session's GUILD_CREATEs or replay, when a test reads
 *       {@link uk.stepup.sandbox.SandboxChannel#isArchived()}, and every 100 ms of real time. Archiving dispatches
 *       THREAD_UPDATE with {@code thread_metadata.archived} true and {@code archive_timestamp} the moment the thread
 *       fell due ({@code archive_timestamp} changes on creating, archiving, unarchiving and a new auto-archive time:
 *       topics/threads#thread-fields). Discord's shortening of the timer on servers near the active-thread cap is
 *       not simulated.
 *   <li>{@code auto_archive_duration} is 60, 1440, 4320 or 10080 (resources/channel#start-thread-from-message,
 *       resources/channel#thread-metadata-object); anything else is 50035. Without one a thread gets 1440 (Discord
 *       copies the parent's {@code default_auto_archive_duration}, resources/channel#channel-object, which the
 *       sandbox's channels leave unset).
 *   <li>Archived threads are not in GUILD_CREATE's {@code threads} (topics/threads#gateway-events: "all active
 *       threads") nor in {@code GET guilds/{g}/threads/active} (resources/guild#list-active-guild-threads); they are
 *       listed by {@code GET channels/{c}/threads/archived/public}, newest archive first, with READ_MESSAGE_HISTORY
 *       (resources/channel#list-public-archived-threads). A message still carries the thread started on it.
 *   <li>Sending a message unarchives the thread (THREAD_UPDATE), unless a moderator locked it
 *       (topics/threads#active-archived-threads); without MANAGE_THREADS a locked archived thread answers
 *       400 {@code 50083} "Thread is archived" and a locked active one 403 {@code 160005} "Thread is locked"
 *       (topics/threads#locked-threads, topics/opcodes-and-status-codes#json-json-error-codes). People in the client
 *       cannot post in a locked thread either.
 *   <li>Nothing else happens in an archived thread: editing a message, adding a reaction or joining answers 400
 *       {@code 50083} (topics/threads#active-archived-threads: "Users cannot edit messages, add reactions, use
 *       application commands, or join archived threads").
 *   <li>{@link uk.stepup.sandbox.SandboxGuild#archiveThread} is a moderator archiving (and locking) a thread by hand.
 * </ul>
 *
 * <h2>Mentions</h2>
 * Every message records whom it actually notifies ({@link uk.stepup.sandbox.SandboxMessage#pingedUserIds()},
 * {@code pingedRoleIds()}, {@code pingedEveryone()}): mentions parsed from the content, all of them when
 * {@code allowed_mentions} is absent, otherwise only what its {@code parse}, {@code users} and {@code roles} allow;
 * roles only if mentionable or the author has MENTION_EVERYONE; {@code @everyone}/{@code @here} only with
 * MENTION_EVERYONE; never users who cannot see the channel; never for ephemeral or silent messages; replies ping the
 * replied-to author unless {@code replied_user} is false.
 *
 * <h2>Rate limits</h2>
 * Fixed-window buckets per route and major parameter (channel, guild, interaction token), real time, configurable in
 * {@link uk.stepup.sandbox.SandboxOptions}: 5 per 5 s for POST/PATCH/DELETE channel messages, 1 per 250 ms for
 * reactions, 5 per 2 s for interaction follow-ups and edits, 10 per 10 s per server for creating a channel or category
 * and for giving or taking a member's role (named routes, so set-up meets them; the values are what bot developers
 * report Discord's headers say for these routes, an assumption: Discord documents only that per-route limits exist
 * and are to be read from the headers, https://discord.com/developers/docs/topics/rate-limits, and the bot obeys the
 * headers whatever their values), 10 per 10 s otherwise; the hidden "2 renames per channel
 * per 10 minutes" limit on channel name/topic changes (429 with scope {@code shared}); a global 50 requests per
 * second that does not apply to interaction routes. Every response carries {@code X-RateLimit-Limit/Remaining/
 * Reset/Reset-After/Bucket} and {@code Via: 1.1 google}; a 429 has the JSON body, an integer {@code Retry-After}, and
 * {@code X-RateLimit-Global: true} plus {@code X-RateLimit-Scope: global} when global.
 * {@link uk.stepup.sandbox.Sandbox#stats()} counts requests per route, 429s, gateway identifies and resumes, and gives
 * {@code rateLimitLowerBound()}, the least time the accepted requests could have taken under these limits.
 * {@link uk.stepup.sandbox.Sandbox#suspendRateLimits} lifts every limit while a large world is built through the bot
 * when its set-up is not what is being looked at (the demo, a fan-out benchmark); restore them and reset the stats
 * before measuring. Tests of set-up itself, and the import benchmark, keep the limits on.
 *
 * <h2>Faults</h2>
 * {@link uk.stepup.sandbox.SandboxFaults}: the gateway faults above; {@code serverErrors} (5xx with Discord's JSON,
 * nothing done) and {@code lostAnswers} (done, but the bot gets a 5xx, so its retry must not do it twice);
 * per-route 429 bursts and a global 429 storm; {@code delayResponses} (handled at once, answered late) and
 * {@code delayRequests} (handled late, so the interaction deadline and rate limits are judged on arrival: a callback
 * arriving after three seconds gets 404 {@code 10062}), also aimed at one person's interactions with
 * {@code delayCallbacks}; and {@code when(route, n, fault)}, which arms any of them for
 * the n-th matching request, to hit the middle of a fan-out or a summary on purpose.
 *
 * <h2>People</h2>
 * {@link uk.stepup.sandbox.SandboxActor} does what the Discord client lets a person do, with the client's refusals
 * (an unregistered command, subcommand or option, a missing required option or wrong type, a value outside choices or
 * range, a command hidden by {@code default_member_permissions}, a channel the person cannot see, a disabled or unknown
 * button, invalid modal input, a second submit of the same modal all throw {@link IllegalArgumentException}). A modal
 * whose submit failed stays open, as in Discord ("Something went wrong. Try again."), and can be submitted again.
 * INTERACTION_CREATE payloads follow Discord: {@code version 1}, {@code authorizing_integration_owners},
 * {@code context}, full {@code member} with computed channel {@code permissions}, the {@code channel} object,
 * {@code app_permissions}, {@code resolved} users/members/roles/channels/attachments, the full {@code message} for
 * components (and for modals opened from one), LABEL wrappers for modal submits.
 *
 * <h2>Defaults and the Discord documentation behind them</h2>
 * <ul>
 *   <li>A new server ({@link uk.stepup.sandbox.Sandbox#createGuild}) has {@code @everyone} with
 *       {@link uk.stepup.sandbox.Permissions#EVERYONE_DEFAULT} (the client's defaults for a new server; Create Events
 *       left out, see its documentation) and the bot's managed role with exactly
 *       {@link uk.stepup.sandbox.Permissions#BOT_DEFAULT}, the README's invite list. Discord gives a bot added with an
 *       OAuth2 URL a managed role holding the URL's permissions (developer docs: topics/oauth2#bot-authorization-flow,
 *       topics/permissions#role-object-role-tags).
 *   <li>Overwrites: Create Guild Channel, Modify Channel and Edit Channel Permissions may only allow or deny
 *       permissions the bot holds in the server, or in the parent category for a channel in one, unless the bot has an
 *       explicit Manage Roles overwrite in the channel itself; allowing or denying Manage Roles ("Manage Permissions")
 *       in a channel needs Administrator (developer docs:
 *       resources/guild#create-guild-channel, resources/channel#edit-channel-permissions). JDA checks the same before
 *       it sends, so a wrong overwrite usually never arrives.
 *   <li>Scheduled events: Create Guild Scheduled Event requires CREATE_EVENTS; modify and delete require MANAGE_EVENTS,
 *       or CREATE_EVENTS for an event the bot created (developer docs: resources/guild-scheduled-event#permissions-requirements;
 *       change log 2025-11-24, "Permission Changes Going into Effect February 2026": Manage Events alone no longer
 *       creates events from 23 February 2026).
 *   <li>Roles: a bot may only assign, edit or delete roles below its own highest role (developer docs:
 *       topics/permissions#permission-hierarchy).
 * </ul>
 *
 * <h2>Deliberately left out</h2>
 * Voice, stage, forum, media and announcement channels (creating them is a 400 recorded as
 * {@code unsupported-channel-type}); stage/voice scheduled events; custom emoji, stickers, polls, invites, webhooks
 * other than interaction webhooks, audit logs, bans, auto-moderation, presences, typing events; autocomplete, user
 * and message context menus, entity selects and file uploads inside modals are not simulated from the people side;
 * sharding (one shard only), zlib/ETF encodings (use {@code Compression.NONE}, JSON); Discord's "10,000 invalid
 * requests" Cloudflare ban; member and thread-member chunking beyond a single chunk; read states and notifications
 * other than the ping record. Ids are snowflakes from the sandbox clock, so they
 * stay consistent with message timestamps in a simulated programme.
 */
package uk.stepup.sandbox;
