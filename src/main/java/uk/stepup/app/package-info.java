/**
 * Composition root and command line: builds every feature and adapter with plain constructors in one place (no scanning, no container). The only package that knows all the others.
 */
package uk.stepup.app;
