/**
 * Adapter: the JDA client, slash commands, components and modals; implements the features' publishing ports.
 */
package uk.stepup.discord;
