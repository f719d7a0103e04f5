/**
 * Adapter: reads prompt files' front matter, a framework's framework.yaml and the crosswalk files with Jackson YAML.
 * {@link uk.stepup.prompts.YamlFrontMatter} implements the curriculum's {@code FrontMatter} port; the curriculum keeps
 * every check on the keys and their {@code file:line: message} problems. The composition root ({@code app}) hands it
 * to the {@code CurriculumLoader}.
 */
package uk.stepup.prompts;
