package uk.stepup.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import uk.stepup.config.StepUpConfig;
import uk.stepup.curriculum.CurriculumLoader;
import uk.stepup.curriculum.CurriculumProblem;
import uk.stepup.prompts.YamlFrontMatter;

/** {@code validate}: checks the configuration and the curriculum. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Checks the configuration and the curriculum; prints file:line: message for each problem.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--prompts", paramLabel = "DIR", description = "Prompt folder (default: curriculum.promptsDir).")
    Path prompts;

    @Override
    public Integer call() {
        StepUpConfig cfg = config.load();
        Path dir = prompts != null ? prompts : Prompts.folder(cfg);
        if (prompts != null && !Files.isDirectory(prompts)) {
            throw new UserError(ExitCodes.USAGE, "--prompts: no such folder: " + prompts);
        }
        CurriculumLoader.LoadResult result = new CurriculumLoader(new YamlFrontMatter()).load(dir);
        for (CurriculumProblem p : result.problems()) {
            System.out.println(p);
        }
        String framework = cfg.curriculum().framework();
        if (result.ok() && !result.curricula().containsKey(framework)) {
            System.out.println("curriculum.framework: no folder " + framework + " in " + dir + " (the frameworks are "
                    + String.join(", ", result.curricula().keySet()) + ")");
            return ExitCodes.FAILED;
        }
        if (!result.ok()) {
            System.err.println(
                    result.problems().size() + " problem(s) in " + dir + "; see prompts/README.md for the format.");
            return ExitCodes.FAILED;
        }
        int items = result.curricula().values().stream()
                .mapToInt(c -> c.items().size())
                .sum();
        List<String> pairs = result.crosswalk().pairs().stream()
                .map(p -> p.from() + " and " + p.to())
                .toList();
        System.out.println("Configuration ok. Curriculum ok: " + items + " prompts in " + dir + " ("
                + String.join(", ", result.curricula().keySet()) + ")"
                + (pairs.isEmpty() ? "" : "; crosswalks link " + String.join("; ", pairs)) + ".");
        return ExitCodes.OK;
    }
}
