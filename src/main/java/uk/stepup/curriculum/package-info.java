/**
 * Feature: the KLOE and quality-statement prompts a cohort works through, loaded from prompts/ and validated. Plain Java; never imports JDA, Quartz, JDBC, Flyway or Jackson.
 * The loader is {@link uk.stepup.curriculum.CurriculumLoader}; each file's checks are in {@code PromptFileParser}, and
 * its front matter is read through the {@link uk.stepup.curriculum.FrontMatter} port (YAML, adapter
 * {@code uk.stepup.prompts}).
 */
package uk.stepup.curriculum;
