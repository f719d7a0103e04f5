package uk.stepup.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import uk.stepup.config.StepUpConfig;
import uk.stepup.curriculum.Crosswalk;
import uk.stepup.curriculum.Curriculum;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.prompts.YamlFrontMatter;

/** Finds and loads the curriculum for the verbs that need it. */
final class Prompts {
    private Prompts() {}

    /** The configured folder if it exists, else the loader's default search (beside the jar). */
    static Path folder(StepUpConfig cfg) {
        Path configured = cfg.curriculum().promptsDir();
        return Files.isDirectory(configured) ? configured : CurriculumLoader.defaultPromptsDir();
    }

    /** Loads every framework, or fails with the problems listed (exit 1). */
    static Map<String, Curriculum> load(StepUpConfig cfg) {
        Path dir = folder(cfg);
        CurriculumLoader.LoadResult result = new CurriculumLoader(new YamlFrontMatter()).load(dir);
        if (!result.ok()) {
            StringBuilder s = new StringBuilder("The curriculum in " + dir + " has problems; fix them first:");
            result.problems().stream().limit(20).forEach(p -> s.append('\n').append(p));
            throw new UserError(ExitCodes.FAILED, s.toString());
        }
        String framework = cfg.curriculum().framework();
        if (!result.curricula().containsKey(framework)) {
            throw new UserError(
                    ExitCodes.FAILED,
                    "curriculum.framework: no folder " + framework + " in " + dir + " (the frameworks are "
                            + String.join(", ", result.curricula().keySet()) + ")");
        }
        return result.curricula();
    }

    /** The crosswalk between the frameworks of the prompts folder (from its crosswalk files without problems). */
    static Crosswalk crosswalk(StepUpConfig cfg) {
        return new CurriculumLoader(new YamlFrontMatter()).load(folder(cfg)).crosswalk();
    }
}
