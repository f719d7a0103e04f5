/**
 * Loads and validates configuration (YAML file, then environment overrides) into immutable records. Read only by app; features receive plain settings records.
 */
package uk.stepup.config;
