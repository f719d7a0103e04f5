/**
 * The built-in local Discord: an HTTP + WebSocket server on 127.0.0.1 speaking Discord's v10 REST and gateway JSON, enforcing Discord's limits. Powers demo and the end-to-end tests; independent of the bot's own packages.
 */
package uk.stepup.sandbox;
