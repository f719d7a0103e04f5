/**
 * Composition root and command line: builds every feature and adapter with plain constructors in one place (no
 * scanning, no container). The only package that knows all the others. {@code Features} wires the
 * features' use cases from their ports, without Discord; {@code BotModule} builds the adapters (SQLite
 * repositories, Discord publishers, Quartz timers), hands them to it and wires the Discord commands; the demo and the
 * tests use the same {@code Features}.
 */
package uk.stepup.app;
