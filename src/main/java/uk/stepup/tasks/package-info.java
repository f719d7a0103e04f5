/**
 * Feature: the coach's tools between calls: tasks with due dates, live sessions with attendance, and broadcasts.
 *
 * <p>The use cases are {@link uk.stepup.tasks.TaskService} ({@code /task}), {@link uk.stepup.tasks.SessionService}
 * ({@code /session}) and {@link uk.stepup.tasks.BroadcastService} ({@code /broadcast}). Their Discord side is
 * {@code discord.TaskCommand}, {@code discord.SessionCommand}, {@code discord.BroadcastCommand} and
 * {@code discord.JdaCoachPublisher} (the port {@link uk.stepup.tasks.CoachPublisher}); their storage,
 * {@code storage.JdbcTaskRepository} and {@code storage.JdbcSessionRepository}. Their reminders go out with the weekly
 * tick ({@code weekly.CoachReminders}).
 */
package uk.stepup.tasks;
