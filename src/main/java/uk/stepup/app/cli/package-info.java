/**
 * Command-line verbs (picocli command classes) that the top-level command registers. Each turns user
 * mistakes into one readable line on standard error and an exit code (1 for unusable files, 2 for bad
 * usage), never a stack trace.
 */
package uk.stepup.app.cli;
