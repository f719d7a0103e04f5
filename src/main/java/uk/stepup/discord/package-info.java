/**
 * Adapter: the JDA client and every Discord word. {@link uk.stepup.discord.InteractionRouter} sends each slash command,
 * button and modal to its handler ({@link uk.stepup.discord.InteractionHandlers}): {@code CheckinInteractions}
 * ({@code /checkin}), {@code CohortCommand}, {@code TaskCommand}, {@code SessionCommand}, {@code BroadcastCommand},
 * {@code MeasureSetupCommand} ({@code /measure}), {@code HomeMeasuresCommand} ({@code /measures}),
 * {@code MeasureInteractions}, {@code ProgressCommand}, {@code CohortStatusCommand}, {@code SummaryCommand},
 * {@code ExportCommand}, {@code AimCommand} ({@code /aim}), {@code RecalculationInteractions} (the recalculation
 * offer's button and form, and Undo, under {@code /measures}), and {@code PdsaCommand} with {@code PdsaInteractions}
 * ({@code /pdsa}, a cycle's buttons and forms; their words in {@code PdsaMessages}), {@code ActionInteractions}
 * (the next steps' follow-up that Check in shows before the check-in's form when steps are due), and
 * {@code PortfolioCommand} ({@code /portfolio}: a home's evidence portfolio as a file in a private, deferred reply). Handlers translate events into use-case calls and results into replies; they hold no business
 * rules but do check coach-only actions again. Outgoing posts: {@code JdaProgrammePublisher} (prompts, reminders,
 * summaries), {@code JdaCoachPublisher} (tasks, sessions, broadcasts), {@code JdaCohortSpaces} (channels and roles).
 * Features return values (user ids, instants, records); Discord's words are written here: mentions, timestamps
 * (JDA's {@code TimeFormat}) and bold through {@code Markdown}, lists such as {@code TaskReplies} and the status in
 * {@code CohortStatusCommand}. Component ids carry typed ids ({@link uk.stepup.discord.ComponentIds}).
 * Discord's limits live here ({@link uk.stepup.discord.EmbedCard}, {@link uk.stepup.discord.Replies}), as do the
 * permissions the bot asks for ({@link uk.stepup.discord.BotPermissions}) and its start-up self-check.
 */
package uk.stepup.discord;
