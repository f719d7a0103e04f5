/**
 * Feature: the KLOE and quality-statement prompts a cohort works through, loaded from prompts/ and validated. Plain Java; never imports JDA, Quartz, JDBC, Flyway or Jackson.
 * The loader is {@link uk.stepup.curriculum.CurriculumLoader}; each file's checks are in {@code PromptFileParser}, and
 * its front matter is read through the {@link uk.stepup.curriculum.FrontMatter} port (YAML, adapter
 * {@code uk.stepup.prompts}).
 *
 * <p>Frameworks are data: kloe-2017 and saf-2023 are built in ({@code Frameworks}), and any other folder holding a
 * {@code framework.yaml} ({@code FrameworkFile}) is a framework added as files. The crosswalk files in
 * {@code prompts/crosswalks/} ({@code CrosswalkFile}, read through the same {@code FrontMatter} port) become a
 * {@link uk.stepup.curriculum.Crosswalk}, which maps an item of one framework to the items of another, both ways and
 * through a third framework where no file links the two: {@code crosswalk.map("kloe-2017", "S2", "saf-2023")}.
 */
package uk.stepup.curriculum;
